package io.spotifyinsight.spotify.error;

import java.time.Duration;

/**
 * A rate-limit failure of one of this module's clients ({@link SpotifyRateLimitedException}, the
 * sources' {@code SourceRateLimitedException}): the service asked to wait {@link #retryAfter()}.
 * The retry loop reads it here, once for all clients, to pause every caller of the client.
 */
public interface RateLimited {

    /** How long the service asked to wait; zero when it sent no usable {@code Retry-After}. */
    Duration retryAfter();
}
