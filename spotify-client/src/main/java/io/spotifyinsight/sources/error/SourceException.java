package io.spotifyinsight.sources.error;

import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.spotify.error.ServiceException;
import java.util.Objects;

/**
 * Root of every failure a source client reports. Unchecked, immutable. Messages never contain an
 * API key or a query string.
 *
 * <p>Callers decide from the subclass and {@link #retryable()}: {@code true} means a later attempt
 * may succeed (server trouble, rate limit, network), {@code false} means repeating the same request
 * will fail the same way (bad input, bad key, unreadable answer). {@link #status()} is the HTTP
 * status the source answered with, or 0 when no response was received.
 */
public class SourceException extends ServiceException {

    private final SourceService service;

    protected SourceException(
            SourceService service, String message, int status, boolean retryable, Throwable cause) {
        super(message, status, retryable, cause);
        this.service = Objects.requireNonNull(service, "service");
    }

    /** Which source failed. */
    public SourceService service() {
        return service;
    }
}
