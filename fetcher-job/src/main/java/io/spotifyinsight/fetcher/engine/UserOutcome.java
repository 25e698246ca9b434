package io.spotifyinsight.fetcher.engine;

import io.spotifyinsight.persistence.recommendation.Strategy;

/**
 * What happened to one user in a run: stored (with count and strategy), failed (with the reason),
 * failed transiently (Spotify 5xx, 429 after the client's retries, network, a slow statement: one
 * more try at the end of the run), or not fetched at all because the run stopped first.
 */
public record UserOutcome(String username, Kind kind, int tracks, Strategy strategy, String error) {
    public enum Kind {
        STORED,
        FAILED,
        FAILED_TRANSIENTLY,
        NOT_FETCHED
    }

    static UserOutcome stored(String username, int tracks, Strategy strategy) {
        return new UserOutcome(username, Kind.STORED, tracks, strategy, null);
    }

    static UserOutcome failed(String username, String error) {
        return new UserOutcome(username, Kind.FAILED, 0, null, error);
    }

    static UserOutcome failedTransiently(String username, String error) {
        return new UserOutcome(username, Kind.FAILED_TRANSIENTLY, 0, null, error);
    }

    /** The run stopped before this user was tried; {@code why} is the run's stop reason. */
    static UserOutcome notFetched(String username, String why) {
        return new UserOutcome(username, Kind.NOT_FETCHED, 0, null, "not fetched: " + why);
    }

    public boolean stored() {
        return kind == Kind.STORED;
    }

    public boolean transientFailure() {
        return kind == Kind.FAILED_TRANSIENTLY;
    }

    public boolean notFetched() {
        return kind == Kind.NOT_FETCHED;
    }
}
