package io.spotifyinsight.fetcher.run;

import io.spotifyinsight.persistence.recommendation.Strategy;

/**
 * What happened to one user in a run: stored (with count and strategy) or failed (with the reason).
 * {@code transient} failures (Spotify 5xx, 429 after the client's retries, network) get one more try
 * at the end of the run.
 */
public record UserOutcome(String username, boolean stored, int tracks, Strategy strategy, String error,
                          boolean transientFailure) {
    static UserOutcome stored(String username, int tracks, Strategy strategy) {
        return new UserOutcome(username, true, tracks, strategy, null, false);
    }

    static UserOutcome failed(String username, String error) {
        return new UserOutcome(username, false, 0, null, error, false);
    }

    static UserOutcome failedTransiently(String username, String error) {
        return new UserOutcome(username, false, 0, null, error, true);
    }
}
