package io.spotifyinsight.spotify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.spotify.error.SpotifyDecodingException;
import io.spotifyinsight.spotify.error.SpotifyTransportException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Owns the client-credentials token: fetched on first use, reused until shortly before {@code
 * expires_in} runs out, then fetched again. Thread-safe: when many callers find the token stale at
 * once, one fetches and the others wait for its result, so Spotify sees one token request.
 */
public final class AccessTokens {

    /**
     * Refresh this long before expiry, capped at a tenth of the lifetime for short-lived tokens.
     */
    private static final Duration EARLY_REFRESH = Duration.ofSeconds(60);

    private final OkHttpClient http;
    private final HttpUrl tokenUrl;
    private final String basicAuth;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpErrorTranslator errors;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private volatile AccessToken current;

    public AccessTokens(OkHttpClient http, TokenEndpoint endpoint, Clock clock, ObjectMapper json) {
        this.http = http;
        this.tokenUrl = endpoint.url();
        this.basicAuth = endpoint.basicAuth();
        this.clock = clock;
        this.json = json;
        this.errors = new HttpErrorTranslator(json);
    }

    /** A token that is still fresh, fetching a new one if needed. */
    AccessToken get() {
        AccessToken token = current;
        if (token != null && token.usableAt(clock.instant())) {
            return token;
        }
        refreshLock.lock();
        try {
            token = current;
            if (token == null || !token.usableAt(clock.instant())) {
                token = fetch();
                current = token;
            }
            return token;
        } finally {
            refreshLock.unlock();
        }
    }

    /**
     * Forgets {@code rejected} after Spotify answered 401 to it. A token that another caller has
     * already replaced is left alone, so a burst of 401s still causes only one refresh.
     */
    void invalidate(AccessToken rejected) {
        refreshLock.lock();
        try {
            if (current == rejected) {
                current = null;
            }
        } finally {
            refreshLock.unlock();
        }
    }

    private AccessToken fetch() {
        Request request =
                new Request.Builder()
                        .url(tokenUrl)
                        .header("Authorization", basicAuth)
                        .post(
                                new FormBody.Builder()
                                        .add("grant_type", "client_credentials")
                                        .build())
                        .build();
        Instant requestedAt = clock.instant();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw errors.tokenError(
                        response.code(), response.message(), response.header("Retry-After"), body);
            }
            return parse(body, response.code(), requestedAt);
        } catch (IOException e) {
            throw new SpotifyTransportException(
                    "could not reach the Spotify token endpoint " + tokenUrl + ": " + e, e);
        }
    }

    private AccessToken parse(String body, int status, Instant requestedAt) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new SpotifyDecodingException(
                    "the Spotify token endpoint answered "
                            + status
                            + " with a body that is not JSON",
                    status,
                    e);
        }
        JsonNode token = root == null ? null : root.get("access_token");
        JsonNode type = root == null ? null : root.get("token_type");
        JsonNode expiresIn = root == null ? null : root.get("expires_in");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new SpotifyDecodingException(
                    "the Spotify token response has no access_token", status, null);
        }
        // The docs print "bearer", live responses say "Bearer".
        if (type != null && !type.isNull() && !"bearer".equalsIgnoreCase(type.asText())) {
            throw new SpotifyDecodingException(
                    "the Spotify token response has token_type '"
                            + type.asText()
                            + "', expected Bearer",
                    status,
                    null);
        }
        if (expiresIn == null || !expiresIn.canConvertToLong() || expiresIn.asLong() <= 0) {
            throw new SpotifyDecodingException(
                    "the Spotify token response has no positive expires_in", status, null);
        }
        Duration lifetime = Duration.ofSeconds(expiresIn.asLong());
        Duration early =
                lifetime.dividedBy(10).compareTo(EARLY_REFRESH) < 0
                        ? lifetime.dividedBy(10)
                        : EARLY_REFRESH;
        // Counting from when we asked, not when we got the answer, errs on the safe side.
        return new AccessToken(token.asText(), requestedAt.plus(lifetime).minus(early));
    }
}
