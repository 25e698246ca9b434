package io.spotifyinsight.sources.error;

import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.spotify.error.RateLimited;
import java.time.Duration;

/**
 * 429, or Last.fm error 29: the source wants us to slow down. Thrown when the wait does not fit in
 * the remaining retry budget or when the attempts ran out; the caller decides whether to skip the
 * source for now.
 */
public final class SourceRateLimitedException extends SourceException implements RateLimited {

    private final Duration retryAfter;

    public SourceRateLimitedException(
            SourceService service, String message, int status, Duration retryAfter) {
        super(service, message, status, true, null);
        this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
    }

    /** How long the source asked to wait; zero when it sent no usable {@code Retry-After}. */
    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
