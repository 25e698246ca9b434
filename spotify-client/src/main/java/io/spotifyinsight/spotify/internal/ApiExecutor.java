package io.spotifyinsight.spotify.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.FailsafeException;
import io.spotifyinsight.spotify.error.SpotifyDecodingException;
import io.spotifyinsight.spotify.error.SpotifyException;
import io.spotifyinsight.spotify.error.SpotifyRateLimitedException;
import io.spotifyinsight.spotify.error.SpotifyTransportException;
import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs one Web API GET to a parsed JSON body: the bearer token (one refresh-and-retry on 401) and
 * status to exception mapping here, the shared 429 pause, the client-side rate limit and the
 * retries of whatever is {@link SpotifyException#retryable()} in {@link ResilientCalls}.
 *
 * <p>Thread-safe; one instance per client, shared by all callers, so the gate and the rate limiter
 * are shared too.
 */
public final class ApiExecutor {

    private final OkHttpClient http;
    private final AccessTokens tokens;
    private final ObjectMapper json;
    private final HttpErrorTranslator errors;
    private final ResilientCalls calls;

    public ApiExecutor(
            OkHttpClient http, AccessTokens tokens, ObjectMapper json, RetrySettings settings) {
        this.http = http;
        this.tokens = tokens;
        this.json = json;
        this.errors = new HttpErrorTranslator(json);
        this.calls = new ResilientCalls("Spotify", settings, new SpotifyFailures(settings));
    }

    /** GETs {@code url} and returns its JSON body; throws a {@link SpotifyException} otherwise. */
    public JsonNode get(Endpoint endpoint, HttpUrl url) {
        return calls.call(endpoint.label(), () -> exchange(endpoint, url));
    }

    private JsonNode exchange(Endpoint endpoint, HttpUrl url) {
        Request request = new Request.Builder().url(url).get().build();
        AccessToken token = tokens.get();
        try {
            Response response = send(request, token);
            if (response.code() == 401) {
                // The token may have expired early or been revoked: get a fresh one and try once
                // more.
                response.close();
                tokens.invalidate(token);
                response = send(request, tokens.get());
            }
            try (Response r = response) {
                return read(endpoint, r);
            }
        } catch (IOException e) {
            throw new SpotifyTransportException(
                    "could not complete " + endpoint.label() + ": " + e, e);
        }
    }

    private Response send(Request request, AccessToken token) throws IOException {
        return http.newCall(
                        request.newBuilder()
                                .header("Authorization", "Bearer " + token.value())
                                .build())
                .execute();
    }

    private JsonNode read(Endpoint endpoint, Response response) throws IOException {
        String body = response.body().string();
        int status = response.code();
        if (!response.isSuccessful()) {
            SpotifyException error =
                    errors.apiError(
                            endpoint,
                            status,
                            response.message(),
                            response.header("Retry-After"),
                            body);
            throw error;
        }
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new SpotifyDecodingException(
                        "Spotify answered "
                                + status
                                + " for "
                                + endpoint.label()
                                + " with a body that is not a JSON object",
                        status,
                        null);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new SpotifyDecodingException(
                    "Spotify answered "
                            + status
                            + " for "
                            + endpoint.label()
                            + " with malformed JSON: "
                            + e.getOriginalMessage(),
                    status,
                    e);
        }
    }

    /**
     * Spotify's exceptions for the retry loop; a 429 from the API or the token endpoint pauses
     * everyone.
     */
    private record SpotifyFailures(RetrySettings settings) implements ResilientCalls.Failures {

        @Override
        public RuntimeException pausedBeyondBudget(String label, Duration pause) {
            return new SpotifyRateLimitedException(
                    "Spotify rate limit: the app must wait "
                            + pause.toSeconds()
                            + " s more (Retry-After), longer than the remaining retry budget; "
                            + "not calling "
                            + label,
                    null,
                    pause);
        }

        @Override
        public RuntimeException noSlotWithinBudget(String label, double requestsPerSecond) {
            return new SpotifyRateLimitedException(
                    "client-side rate limit of "
                            + requestsPerSecond
                            + " requests/s leaves no slot for "
                            + label
                            + " within the retry budget",
                    null,
                    settings.budget());
        }

        @Override
        public RuntimeException interrupted(String label, FailsafeException cause) {
            return new SpotifyTransportException("interrupted while calling " + label, cause);
        }
    }
}
