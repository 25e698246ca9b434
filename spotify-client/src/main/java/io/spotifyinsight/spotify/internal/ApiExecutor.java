package io.spotifyinsight.spotify.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Web API GET to a parsed JSON body, with everything around it: the shared 429 pause, the
 * optional client-side rate limit, the bearer token (one refresh-and-retry on 401), status to
 * exception mapping, and Failsafe retries with exponential backoff and jitter for whatever is
 * {@link SpotifyException#retryable()}, bounded by attempts and a total time budget.
 *
 * <p>Thread-safe; one instance per client, shared by all callers, so the gate and the rate limiter
 * are shared too.
 */
public final class ApiExecutor {

    private static final Logger log = LoggerFactory.getLogger(ApiExecutor.class);
    private static final double JITTER = 0.25;

    private final OkHttpClient http;
    private final AccessTokens tokens;
    private final ObjectMapper json;
    private final HttpErrorTranslator errors;
    private final RetrySettings settings;
    private final RateLimitGate gate = new RateLimitGate();
    private final RateLimiter<Object> limiter;

    public ApiExecutor(
            OkHttpClient http, AccessTokens tokens, ObjectMapper json, RetrySettings settings) {
        this.http = http;
        this.tokens = tokens;
        this.json = json;
        this.errors = new HttpErrorTranslator(json);
        this.settings = settings;
        this.limiter =
                settings.requestsPerSecond() > 0
                        ? RateLimiter.smoothBuilder(
                                        Duration.ofNanos(
                                                (long) (1e9 / settings.requestsPerSecond())))
                                .build()
                        : null;
    }

    /** GETs {@code url} and returns its JSON body; throws a {@link SpotifyException} otherwise. */
    public JsonNode get(Endpoint endpoint, HttpUrl url) {
        long deadline = System.nanoTime() + settings.budget().toNanos();
        RetryPolicy<JsonNode> policy =
                RetryPolicy.<JsonNode>builder()
                        .handleIf(e -> e instanceof SpotifyException s && s.retryable())
                        // A wait longer than what is left of the budget: fail now rather than sleep
                        // for hours.
                        .abortIf(
                                (result, e) ->
                                        e instanceof SpotifyRateLimitedException r
                                                && r.retryAfter().toNanos()
                                                        > deadline - System.nanoTime())
                        .withMaxAttempts(settings.maxAttempts())
                        .withMaxDuration(settings.budget())
                        .withBackoff(settings.initialBackoff(), settings.maxBackoff())
                        .withJitter(JITTER)
                        .onRetry(
                                event ->
                                        log.debug(
                                                "retrying {} (attempt {} of {}) after: {}",
                                                endpoint.label(),
                                                event.getAttemptCount() + 1,
                                                settings.maxAttempts(),
                                                event.getLastException() == null
                                                        ? "?"
                                                        : event.getLastException().getMessage()))
                        .build();
        try {
            return Failsafe.with(policy).get(() -> attempt(endpoint, url, deadline));
        } catch (FailsafeException e) {
            // Our attempts only throw unchecked exceptions, so this is an interrupted wait.
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new SpotifyTransportException("interrupted while calling " + endpoint.label(), e);
        }
    }

    private JsonNode attempt(Endpoint endpoint, HttpUrl url, long deadline)
            throws InterruptedException {
        awaitTurn(endpoint, deadline);
        try {
            return exchange(endpoint, url);
        } catch (SpotifyRateLimitedException e) {
            // From the API or the token endpoint: everyone sharing this client waits, not only this
            // caller. Without a usable Retry-After, the backoff alone spaces out the retries.
            if (!e.retryAfter().isZero() && e.retryAfter().compareTo(gate.remainingPause()) > 0) {
                gate.pause(e.retryAfter());
                log.info(
                        "Spotify rate limit: all calls of this client pause for {} s ({})",
                        e.retryAfter().toSeconds(),
                        e.getMessage());
            }
            throw e;
        }
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

    /** Honours the shared 429 pause and the client-side rate limit, both within the budget. */
    private void awaitTurn(Endpoint endpoint, long deadline) throws InterruptedException {
        Duration pause = gate.remainingPause();
        if (!pause.isZero() && pause.toNanos() > deadline - System.nanoTime()) {
            throw new SpotifyRateLimitedException(
                    "Spotify rate limit: the app must wait "
                            + pause.toSeconds()
                            + " s more (Retry-After), longer than the remaining retry budget; "
                            + "not calling "
                            + endpoint.label(),
                    null,
                    pause);
        }
        gate.awaitClearance();
        if (limiter != null
                && !limiter.tryAcquirePermit(
                        Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
            throw new SpotifyRateLimitedException(
                    "client-side rate limit of "
                            + settings.requestsPerSecond()
                            + " requests/s leaves no slot for "
                            + endpoint.label()
                            + " within the retry budget",
                    null,
                    settings.budget());
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
}
