package io.spotifyinsight.sources.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.FailsafeException;
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
import io.spotifyinsight.spotify.internal.ClientHttp;
import io.spotifyinsight.spotify.internal.RequestLoggingInterceptor;
import io.spotifyinsight.spotify.internal.ResilientCalls;
import io.spotifyinsight.spotify.internal.RetryAfter;
import io.spotifyinsight.spotify.internal.RetrySettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs one GET against a source to a parsed JSON body: status and body-error mapping here, and
 * around it the same resilience as the Spotify client's ({@link ResilientCalls}): the shared 429
 * pause, the client-side rate limit, and retries with backoff and jitter for whatever is {@link
 * SourceException#retryable()}, bounded by attempts and a time budget. A {@code Retry-After} longer
 * than what is left of the budget fails at once instead of sleeping.
 *
 * <p>Thread-safe; one instance per client, shared by all callers, so the gate and the rate limiter
 * are shared too. Messages never contain a query string or the secret.
 */
public final class SourceExecutor {

    private final SourceService service;
    private final ClientHttp http;
    private final BodyCheck bodyCheck;
    private final String secret;
    private final ObjectMapper json = new ObjectMapper();
    private final ResilientCalls calls;

    /**
     * @param sharedHttp the application's client (pools are reused, timeouts and the User-Agent are
     *     applied to a derived client); null to create one that {@link #close()} releases
     * @param requestsPerSecond the client-side limit; 0 for none
     * @param secret a value that must never appear in messages (the API key), or null
     * @param interceptors the source's own, run before the request log (MusicBrainz's spacing)
     */
    public SourceExecutor(
            SourceService service,
            SourceConfig config,
            OkHttpClient sharedHttp,
            Backoff backoff,
            double requestsPerSecond,
            String userAgent,
            BodyCheck bodyCheck,
            String secret,
            List<Interceptor> interceptors) {
        this.service = Objects.requireNonNull(service, "service");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(backoff, "backoff");
        this.bodyCheck = Objects.requireNonNull(bodyCheck, "bodyCheck");
        this.secret = secret;
        this.http =
                ClientHttp.derive(
                        sharedHttp,
                        config.connectTimeout(),
                        config.readTimeout(),
                        config.callTimeout(),
                        Stream.concat(
                                        interceptors.stream(),
                                        Stream.of(
                                                new RequestLoggingInterceptor(
                                                        "io.spotifyinsight.sources.http",
                                                        Redaction::forLog,
                                                        userAgent)))
                                .toList());
        RetrySettings settings =
                RetrySettings.within(
                        config.maxAttempts(),
                        config.retryBudget(),
                        backoff.initial(),
                        backoff.max(),
                        requestsPerSecond);
        this.calls = new ResilientCalls(service.displayName(), settings, new Failures(service));
    }

    public SourceService service() {
        return service;
    }

    /** How long every call of this client must still wait after a 429; zero when not paused. */
    public Duration remainingPause() {
        return calls.remainingPause();
    }

    /**
     * GETs {@code url} and returns its JSON body (an object or an array).
     *
     * @param label method and path (or method name) for messages; never the query
     * @throws SourceNotFoundException for 404 or a not-found body error, after no retry
     * @throws SourceException for every other failure, after the retries ran out
     */
    public JsonNode get(String label, HttpUrl url) {
        return calls.call(label, () -> exchange(label, url));
    }

    /** Releases the HTTP resources if this executor created them. */
    public void close() {
        http.close();
    }

    private JsonNode exchange(String label, HttpUrl url) {
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = http.client().newCall(request).execute()) {
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

    /** The sources' exceptions for the retry loop. */
    private record Failures(SourceService service) implements ResilientCalls.Failures {

        @Override
        public RuntimeException pausedBeyondBudget(String label, Duration pause) {
            return new SourceRateLimitedException(
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

        @Override
        public RuntimeException noSlotWithinBudget(String label, double requestsPerSecond) {
            return new SourceRateLimitedException(
                    service,
                    "client-side rate limit of "
                            + requestsPerSecond
                            + " requests/s to "
                            + service.displayName()
                            + " leaves no slot for "
                            + label
                            + " within the retry budget",
                    0,
                    Duration.ZERO);
        }

        @Override
        public RuntimeException interrupted(String label, FailsafeException cause) {
            return new SourceTransportException(
                    service,
                    "interrupted while calling " + service.displayName() + " " + label,
                    cause);
        }
    }
}
