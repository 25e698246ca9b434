package io.spotifyinsight.spotify.internal;

import java.time.Duration;
import java.util.List;

/** The rules the clients' config records share, each written once; a broken one adds a problem. */
public final class ConfigChecks {
    private ConfigChecks() {}

    /**
     * @param what the config, for the message, e.g. {@code Spotify configuration}
     * @throws IllegalArgumentException naming every problem, when there is any
     */
    public static void failIfAny(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid " + what + ": " + String.join("; ", problems));
        }
    }

    /** Attempts, the retry budget and the client-side limit, as every client config has them. */
    public static void retries(
            int maxAttempts,
            Duration retryBudget,
            double requestsPerSecond,
            List<String> problems) {
        maxAttempts(maxAttempts, problems);
        positive("retryBudget", retryBudget, problems);
        requestsPerSecond(requestsPerSecond, problems);
    }

    /** The connect, read and whole-call timeouts, as every client config has them. */
    public static void timeouts(
            Duration connectTimeout,
            Duration readTimeout,
            Duration callTimeout,
            List<String> problems) {
        positive("connectTimeout", connectTimeout, problems);
        positive("readTimeout", readTimeout, problems);
        positive("callTimeout", callTimeout, problems);
    }

    /** A client-side limit: a finite number of requests per second, 0 for none. */
    public static void requestsPerSecond(double value, List<String> problems) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            problems.add("requestsPerSecond must be a number >= 0 (0 = no limit), was " + value);
        }
    }

    public static void maxAttempts(int value, List<String> problems) {
        if (value < 1) {
            problems.add("maxAttempts must be at least 1, was " + value);
        }
    }

    public static void positive(String name, Duration value, List<String> problems) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(name + " must be a positive duration, was " + value);
        }
    }
}
