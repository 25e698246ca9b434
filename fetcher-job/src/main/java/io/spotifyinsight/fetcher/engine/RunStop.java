package io.spotifyinsight.fetcher.engine;

import java.util.Objects;

/**
 * Why a run stopped before trying every user: a run-wide problem that would fail every remaining
 * user the same way, or a limit. The users not yet tried are reported "not fetched" with {@link
 * #message}.
 */
public record RunStop(Cause cause, String message) {
    public enum Cause {
        /** Spotify refused the client id and secret. */
        CREDENTIALS_REJECTED,
        /** The app has no access to the chosen strategy's endpoint. */
        NO_ACCESS,
        /** The developer account's quota is spent (QUOTA_EXCEEDED). */
        QUOTA_EXCEEDED,
        /** Spotify asked to wait longer than the retry budget. */
        RETRY_AFTER_TOO_LONG,
        /**
         * Several users in a row failed on timeouts, refused connections or 5xx, none succeeding
         * between.
         */
        SPOTIFY_UNREACHABLE,
        /** The database went away. */
        DATABASE_LOST,
        /** The fetch-run lock's session ended: another run may be writing. */
        LOCK_LOST,
        /** The run reached FETCHER_MAX_RUN_MINUTES. */
        TIME_LIMIT,
        /** SIGTERM, Ctrl-C or an interrupt. */
        INTERRUPTED
    }

    public RunStop {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Whether the stop means a service the whole run depends on could not be used (exit code 3).
     */
    boolean serviceUnavailable() {
        return cause == Cause.SPOTIFY_UNREACHABLE
                || cause == Cause.CREDENTIALS_REJECTED
                || cause == Cause.DATABASE_LOST;
    }
}
