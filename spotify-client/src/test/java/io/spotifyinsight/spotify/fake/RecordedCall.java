package io.spotifyinsight.spotify.fake;

import java.time.Instant;
import java.util.Map;

/**
 * One request the fake received, and what it answered.
 *
 * @param path decoded path, e.g. {@code /v1/search} or {@code /api/token}
 * @param query query parameters (first value of each)
 * @param receivedAt when the request arrived
 * @param status status answered; 0 when the fake dropped the connection
 */
public record RecordedCall(
        String method, String path, Map<String, String> query, Instant receivedAt, int status) {

    public RecordedCall {
        query = Map.copyOf(query);
    }

    public boolean isTokenRequest() {
        return path.equals("/api/token");
    }

    public boolean isApiRequest() {
        return path.startsWith("/v1/");
    }

    public String query(String name) {
        return query.get(name);
    }
}
