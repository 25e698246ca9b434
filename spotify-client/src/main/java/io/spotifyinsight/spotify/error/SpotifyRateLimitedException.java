package io.spotifyinsight.spotify.error;

import java.time.Duration;

/**
 * 429: Spotify wants the app to wait {@link #retryAfter()}. Thrown when that wait does not fit in
 * the remaining retry budget (Spotify has sent a day) or when the attempts ran out; the caller
 * decides whether to stop the run or come back later.
 */
public final class SpotifyRateLimitedException extends SpotifyHttpException {

    private final Duration retryAfter;

    public SpotifyRateLimitedException(String message, String spotifyMessage, Duration retryAfter) {
        super(message, 429, spotifyMessage, true);
        this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
    }

    /** How long Spotify asked to wait; zero when it sent no usable {@code Retry-After}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
