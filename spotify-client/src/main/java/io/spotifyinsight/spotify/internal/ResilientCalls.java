package io.spotifyinsight.spotify.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import io.spotifyinsight.spotify.error.RateLimited;
import io.spotifyinsight.spotify.error.ServiceException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resilience every API client here puts around one exchange: the shared 429 pause ({@link
 * RateLimitGate}), the optional client-side rate limit, and Failsafe retries with exponential
 * backoff and jitter for every {@link ServiceException#retryable()} failure, bounded by attempts
 * and a total time budget. A wait longer than what is left of the budget (a {@code Retry-After},
 * the shared pause, a rate-limit slot) fails at once instead of sleeping.
 *
 * <p>Each client keeps its own exception hierarchy below {@link ServiceException}, its rate-limit
 * failure a {@link RateLimited}; its {@link Failures} makes the exceptions the loop throws.
 * Thread-safe; one instance per client, shared by all its callers, so the gate and the rate limiter
 * are shared too.
 */
public final class ResilientCalls {

    private static final Logger log = LoggerFactory.getLogger(ResilientCalls.class);
    private static final double JITTER = 0.25;

    /** The exceptions the loop makes, each in its client's own hierarchy and wording. */
    public interface Failures {

        /** The rate-limit failure for a shared pause that outlasts the remaining budget. */
        RuntimeException pausedBeyondBudget(String label, Duration pause);

        /** The rate-limit failure for a client-side limit with no slot within the budget. */
        RuntimeException noSlotWithinBudget(String label, double requestsPerSecond);

        /** The transport failure for a thread interrupted while waiting. */
        RuntimeException interrupted(String label, FailsafeException cause);
    }

    private final String serviceName;
    private final RetrySettings settings;
    private final Failures failures;
    private final RateLimitGate gate = new RateLimitGate();
    private final RateLimiter<Object> limiter;

    /**
     * @param serviceName the vendor's name for log lines, e.g. {@code Spotify}
     */
    public ResilientCalls(String serviceName, RetrySettings settings, Failures failures) {
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.limiter =
                settings.requestsPerSecond() > 0
                        ? RateLimiter.smoothBuilder(
                                        Duration.ofNanos(
                                                (long) (1e9 / settings.requestsPerSecond())))
                                .build()
                        : null;
    }

    /** How long every call must still wait after a 429; zero when not paused. */
    public Duration remainingPause() {
        return gate.remainingPause();
    }

    /**
     * Runs {@code exchange} until it returns, fails for good, or the attempts or the budget run
     * out.
     *
     * @param label what is called, for messages and logs; never a query string
     * @param exchange one attempt; throws only the client's unchecked exceptions
     */
    public <T> T call(String label, Supplier<T> exchange) {
        long deadline = System.nanoTime() + settings.budget().toNanos();
        RetryPolicy<T> policy =
                RetryPolicy.<T>builder()
                        .handleIf(e -> e instanceof ServiceException s && s.retryable())
                        // RetryAfter caps the value, so toNanos cannot overflow.
                        .abortIf((result, e) -> waitExceeds(retryAfter(e), deadline))
                        .withMaxAttempts(settings.maxAttempts())
                        .withMaxDuration(settings.budget())
                        .withBackoff(settings.initialBackoff(), settings.maxBackoff())
                        .withJitter(JITTER)
                        .onRetry(
                                event ->
                                        log.debug(
                                                "retrying {} {} (attempt {} of {}) after: {}",
                                                serviceName,
                                                label,
                                                event.getAttemptCount() + 1,
                                                settings.maxAttempts(),
                                                event.getLastException() == null
                                                        ? "?"
                                                        : event.getLastException().getMessage()))
                        .build();
        try {
            return Failsafe.with(policy).get(() -> attempt(label, exchange, deadline));
        } catch (FailsafeException e) {
            // Our attempts only throw unchecked exceptions, so this is an interrupted wait.
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw failures.interrupted(label, e);
        }
    }

    private <T> T attempt(String label, Supplier<T> exchange, long deadline)
            throws InterruptedException {
        awaitTurn(label, deadline);
        try {
            return exchange.get();
        } catch (RuntimeException e) {
            Duration retryAfter = retryAfter(e);
            // Everyone sharing this client waits, not only this caller. Without a usable
            // Retry-After, the backoff alone spaces out the retries.
            if (retryAfter != null
                    && !retryAfter.isZero()
                    && retryAfter.compareTo(gate.remainingPause()) > 0) {
                gate.pause(retryAfter);
                log.info(
                        "{} rate limit: all calls of this client pause for {} s ({})",
                        serviceName,
                        retryAfter.toSeconds(),
                        e.getMessage());
            }
            throw e;
        }
    }

    /** Honours the shared 429 pause and the client-side rate limit, both within the budget. */
    private void awaitTurn(String label, long deadline) throws InterruptedException {
        Duration pause = gate.remainingPause();
        if (!pause.isZero() && waitExceeds(pause, deadline)) {
            throw failures.pausedBeyondBudget(label, pause);
        }
        gate.awaitClearance();
        if (limiter != null
                && !limiter.tryAcquirePermit(
                        Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
            throw failures.noSlotWithinBudget(label, settings.requestsPerSecond());
        }
    }

    /** The wait a rate-limit failure asks for (zero when it gave no usable one), else null. */
    private static Duration retryAfter(Throwable failure) {
        return failure instanceof RateLimited r ? r.retryAfter() : null;
    }

    private static boolean waitExceeds(Duration wait, long deadline) {
        return wait != null && wait.toNanos() > deadline - System.nanoTime();
    }
}
