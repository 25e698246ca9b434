package io.spotifyinsight.web.metrics;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.spotifyinsight.web.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards {@code /metrics} when {@code WEB_METRICS_TOKEN} is set: only requests with {@code
 * Authorization: Bearer <token>} pass (Prometheus: {@code authorization: {credentials: ...}}).
 * Without a token the metrics stay open, as before, for a server reachable only from the host.
 */
public final class MetricsAccess implements Handler {
    private final byte[] expected;

    /**
     * @param token the bearer token, or null for open metrics
     */
    public MetricsAccess(String token) {
        this.expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(Context ctx) {
        if (expected == null) {
            return;
        }
        String given = ctx.header("Authorization");
        // constant time: the comparison must not tell how much of a guess was right
        if (given == null
                || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unauthorized(
                    "/metrics needs the header Authorization: Bearer <WEB_METRICS_TOKEN>.");
        }
    }
}
