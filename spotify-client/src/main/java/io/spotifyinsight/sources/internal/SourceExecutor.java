package io.spotifyinsight.sources.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import io.spotifyinsight.sources.Backoff;
import io.spotifyinsight.sources.SourceConfig;
import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.sources.error.SourceDecodingException;
import io.spotifyinsight.sources.error.SourceException;
import io.spotifyinsight.sources.error.SourceNotFoundException;
import io.spotifyinsight.sources.error.SourceRateLimitedException;
import io.spotifyinsight.sources.error.SourceRequestException;
import io.spotifyinsight.sources.error.SourceServerException;
import io.spotifyinsight.sources.error.SourceTransportException;
import io.spotifyinsight.spotify.internal.RateLimitGate;
import io.spotifyinsight.spotify.internal.RetryAfter;
import io.spotifyinsight.spotify.internal.RetrySettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one GET against a source to a parsed JSON body, with the same resilience as the Spotify
 * client's {@code ApiExecutor}: the shared 429 pause ({@link RateLimitGate}), the client-side rate
 * limit, status and body-error mapping, and Failsafe retries with exponential backoff and jitter
 * for whatever is {@link SourceException#retryable()}, bounded by attempts and a time budget. A
 * {@code Retry-After} longer than what is left of the budget fails at once instead of sleeping.
 *
 * <p>Thread-safe; one instance per client, shared by all callers, so the gate and the rate limiter
 * are shared too. Messages never contain a query string or the secret.
 */
public final class SourceExecutor {

    private static final Logger log = LoggerFactory.getLogger(SourceExecutor.class);
    private static final double JITTER = 0.25;

    private final SourceService service;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final RetrySettings settings;
    private final BodyCheck bodyCheck;
    private final String secret;
    private final ObjectMapper json = new ObjectMapper();
    private final RateLimitGate gate = new RateLimitGate();
    private final RateLimiter<Object> limiter;

    /**
     * @param sharedHttp the application's client (pools are reused, timeouts and the User-Agent are
     *     applied to a derived client); null to create one that {@link #close()} releases
     * @param requestsPerSecond the client-side limit; 0 for none
     * @param secret a value that must never appear in messages (the API key), or null
     */
    public SourceExecutor(
            SourceService service,
            SourceConfig config,
            OkHttpClient sharedHttp,
            Backoff backoff,
            double requestsPerSecond,
            String userAgent,
            BodyCheck bodyCheck,
            String secret) {
        this.service = Objects.requireNonNull(service, "service");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(backoff, "backoff");
        this.bodyCheck = Objects.requireNonNull(bodyCheck, "bodyCheck");
        this.secret = secret;
        this.ownsHttp = sharedHttp == null;
        OkHttpClient base = ownsHttp ? new OkHttpClient() : sharedHttp;
        // newBuilder() shares the connection pool and dispatcher with the base client.
        this.http =
                base.newBuilder()
                        .connectTimeout(config.connectTimeout())
                        .readTimeout(config.readTimeout())
                        .writeTimeout(config.readTimeout())
                        .callTimeout(config.callTimeout())
                        .addInterceptor(new SourceHttpInterceptor(userAgent))
                        .build();
        Duration budget = config.retryBudget();
        Duration maxBackoff = min(backoff.max(), budget.dividedBy(2));
        Duration initialBackoff = min(backoff.initial(), maxBackoff.dividedBy(2));
        this.settings =
                new RetrySettings(
                        config.maxAttempts(),
                        budget,
                        initialBackoff,
                        maxBackoff,
                        requestsPerSecond);
        this.limiter =
                requestsPerSecond > 0
                        ? RateLimiter.smoothBuilder(
                                        Duration.ofNanos((long) (1e9 / requestsPerSecond)))
                                .build()
                        : null;
    }

    public SourceService service() {
        return service;
    }

    /** How long every call of this client must still wait after a 429; zero when not paused. */
    public Duration remainingPause() {
        return gate.remainingPause();
    }

    /**
     * GETs {@code url} and returns its JSON body (an object or an array).
     *
     * @param label method and path (or method name) for messages; never the query
     * @throws SourceNotFoundException for 404 or a not-found body error, after no retry
     * @throws SourceException for every other failure, after the retries ran out
     */
    public JsonNode get(String label, HttpUrl url) {
        long deadline = System.nanoTime() + settings.budget().toNanos();
        RetryPolicy<JsonNode> policy =
                RetryPolicy.<JsonNode>builder()
                        .handleIf(e -> e instanceof SourceException s && s.retryable())
                        // A wait longer than what is left of the budget: fail now rather than sleep
                        // for hours. RetryAfter caps the value, so toNanos cannot overflow.
                        .abortIf(
                                (result, e) ->
                                        e instanceof SourceRateLimitedException r
                                                && r.retryAfter().toNanos()
                                                        > deadline - System.nanoTime())
                        .withMaxAttempts(settings.maxAttempts())
                        .withMaxDuration(settings.budget())
                        .withBackoff(settings.initialBackoff(), settings.maxBackoff())
                        .withJitter(JITTER)
                        .onRetry(
                                event ->
                                        log.debug(
                                                "retrying {} {} (attempt {} of {}) after: {}",
                                                service.displayName(),
                                                label,
                                                event.getAttemptCount() + 1,
                                                settings.maxAttempts(),
                                                event.getLastException() == null
                                                        ? "?"
                                                        : event.getLastException().getMessage()))
                        .build();
        try {
            return Failsafe.with(policy).get(() -> attempt(label, url, deadline));
        } catch (FailsafeException e) {
            // Our attempts only throw unchecked exceptions, so this is an interrupted wait.
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new SourceTransportException(
                    service, "interrupted while calling " + service.displayName() + " " + label, e);
        }
    }

    /** Releases the HTTP resources if this executor created them. */
    public void close() {
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private JsonNode attempt(String label, HttpUrl url, long deadline) throws InterruptedException {
        awaitTurn(label, deadline);
        try {
            return exchange(label, url);
        } catch (SourceRateLimitedException e) {
            // Everyone sharing this client waits, not only this caller. Without a usable
            // Retry-After, the backoff alone spaces out the retries.
            if (!e.retryAfter().isZero() && e.retryAfter().compareTo(gate.remainingPause()) > 0) {
                gate.pause(e.retryAfter());
                log.info(
                        "{} rate limit: all calls of this client pause for {} s ({})",
                        service.displayName(),
                        e.retryAfter().toSeconds(),
                        e.getMessage());
            }
            throw e;
        }
    }

    /** Honours the shared 429 pause and the client-side rate limit, both within the budget. */
    private void awaitTurn(String label, long deadline) throws InterruptedException {
        Duration pause = gate.remainingPause();
        if (!pause.isZero() && pause.toNanos() > deadline - System.nanoTime()) {
            throw new SourceRateLimitedException(
                    service,
                    service.displayName()
                            + " rate limit: this client must wait "
                            + pause.toSeconds()
                            + " s more (Retry-After), longer than the remaining retry budget;"
                            + " not calling "
                            + label,
                    0,
                    pause);
        }
        gate.awaitClearance();
        if (limiter != null
                && !limiter.tryAcquirePermit(
                        Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
            throw new SourceRateLimitedException(
                    service,
                    "client-side rate limit of "
                            + settings.requestsPerSecond()
                            + " requests/s to "
                            + service.displayName()
                            + " leaves no slot for "
                            + label
                            + " within the retry budget",
                    0,
                    Duration.ZERO);
        }
    }

    private JsonNode exchange(String label, HttpUrl url) {
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = http.newCall(request).execute()) {
            return read(label, response.code(), response.header("Retry-After"), response);
        } catch (IOException e) {
            throw new SourceTransportException(
                    service,
                    scrub(
                            "could not complete "
                                    + service.displayName()
                                    + " "
                                    + label
                                    + " ("
                                    + Redaction.withoutQuery(url)
                                    + "): "
                                    + e),
                    e);
        }
    }

    private JsonNode read(String label, int status, String retryAfterHeader, Response response)
            throws IOException {
        String body = response.body().string();
        Duration retryAfter = RetryAfter.parse(retryAfterHeader);
        JsonNode root = null;
        JsonProcessingException malformed = null;
        if (!body.isBlank()) {
            try {
                root = json.readTree(body);
            } catch (JsonProcessingException e) {
                malformed = e;
            }
        }
        if (root != null && root.isObject()) {
            SourceException reported = bodyCheck.check(label, status, root, retryAfter);
            if (reported != null) {
                throw reported;
            }
        }
        if (status < 200 || status >= 300) {
            throw statusError(label, status, retryAfter);
        }
        if (malformed != null) {
            throw new SourceDecodingException(
                    service,
                    scrub(
                            answered(status, label)
                                    + " with malformed JSON: "
                                    + malformed.getOriginalMessage()),
                    status,
                    malformed);
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new SourceDecodingException(
                    service,
                    answered(status, label) + " with a body that is not a JSON object",
                    status,
                    null);
        }
        return root;
    }

    private SourceException statusError(String label, int status, Duration retryAfter) {
        String message = answered(status, label);
        if (status == 404) {
            return new SourceNotFoundException(service, message, status);
        }
        if (status == 429) {
            String wait =
                    retryAfter.isZero()
                            ? "no usable Retry-After"
                            : "Retry-After " + retryAfter.toSeconds() + " s";
            return new SourceRateLimitedException(
                    service, message + " (" + wait + ")", status, retryAfter);
        }
        if (status >= 500 || status == 408) {
            return new SourceServerException(service, message, status);
        }
        return new SourceRequestException(service, message, status);
    }

    private String answered(int status, String label) {
        return service.displayName() + " answered " + status + " for " + label;
    }

    private String scrub(String message) {
        return Redaction.redact(message, secret);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
