package io.spotifyinsight.sources;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff between retries, before jitter of +-25%; capped by each client at half the
 * retry budget. Production uses {@link #DEFAULT}; tests pass a few milliseconds instead of
 * sleeping.
 */
public record Backoff(Duration initial, Duration max) {

    public static final Backoff DEFAULT =
            new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8));

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) <= 0) {
            throw new IllegalArgumentException(
                    "backoff must satisfy 0 < initial < max, was " + initial + " .. " + max);
        }
    }
}
