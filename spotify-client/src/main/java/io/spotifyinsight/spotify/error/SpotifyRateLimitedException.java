package io.spotifyinsight.spotify.error;

import java.time.Duration;

/**
 * 429: Spotify wants the app to wait {@link #retryAfter()}. Thrown when that wait does not fit in
 * the remaining retry budget (Spotify has sent a day) or when the attempts ran out; the caller
 * decides whether to stop the run or come back later.
 */
public final class SpotifyRateLimitedException extends SpotifyHttpException implements RateLimited {

    /** The {@code reason} of a 429 that says the developer account's quota is spent (July 2026). */
    public static final String QUOTA_EXCEEDED = "QUOTA_EXCEEDED";

    private final Duration retryAfter;
    private final boolean quotaExceeded;

    public SpotifyRateLimitedException(String message, String spotifyMessage, Duration retryAfter) {
        this(message, spotifyMessage, retryAfter, false);
    }

    public SpotifyRateLimitedException(
            String message, String spotifyMessage, Duration retryAfter, boolean quotaExceeded) {
        super(message, 429, spotifyMessage, true);
        this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
        this.quotaExceeded = quotaExceeded;
    }

    /**
     * Whether Spotify said the developer account's quota is spent ({@code
     * "reason":"QUOTA_EXCEEDED"}): shared by all the account's client ids, back only after many
     * hours.
     */
    public boolean quotaExceeded() {
        return quotaExceeded;
    }

    /** How long Spotify asked to wait; zero when it sent no usable {@code Retry-After}. */
    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
