package io.spotifyinsight.spotify.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard to try: attempts, the total time budget of one operation (including waits), and the
 * exponential backoff range. Tests shrink the backoff instead of sleeping for real.
 */
public record RetrySettings(
        int maxAttempts,
        Duration budget,
        Duration initialBackoff,
        Duration maxBackoff,
        double requestsPerSecond) {

    /**
     * Settings for a client's config: the backoff it asks for, shrunk where needed so that it stays
     * within the budget (at most half of it, the initial wait at most half the longest).
     */
    public static RetrySettings within(
            int maxAttempts,
            Duration budget,
            Duration initialBackoff,
            Duration maxBackoff,
            double requestsPerSecond) {
        Duration max = min(maxBackoff, budget.dividedBy(2));
        Duration initial = min(initialBackoff, max.dividedBy(2));
        return new RetrySettings(maxAttempts, budget, initial, max, requestsPerSecond);
    }

    public RetrySettings {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive, was " + budget);
        }
        if (initialBackoff.isNegative()
                || initialBackoff.isZero()
                || maxBackoff.compareTo(initialBackoff) <= 0
                || maxBackoff.compareTo(budget) >= 0) {
            throw new IllegalArgumentException(
                    "backoff must satisfy 0 < initial < max < budget, was "
                            + initialBackoff
                            + " .. "
                            + maxBackoff
                            + " with budget "
                            + budget);
        }
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException(
                    "requestsPerSecond must be >= 0 (0 = off), was " + requestsPerSecond);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
