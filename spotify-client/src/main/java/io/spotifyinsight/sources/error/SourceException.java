package io.spotifyinsight.sources.error;

import io.spotifyinsight.sources.SourceService;
import java.util.Objects;

/**
 * Root of every failure a source client reports. Unchecked, immutable. Messages never contain an
 * API key or a query string.
 *
 * <p>Callers decide from the subclass and {@link #retryable()}: {@code true} means a later attempt
 * may succeed (server trouble, rate limit, network), {@code false} means repeating the same request
 * will fail the same way (bad input, bad key, unreadable answer).
 */
public class SourceException extends RuntimeException {

    private final SourceService service;
    private final int status;
    private final boolean retryable;

    protected SourceException(
            SourceService service, String message, int status, boolean retryable, Throwable cause) {
        super(message, cause);
        this.service = Objects.requireNonNull(service, "service");
        this.status = status;
        this.retryable = retryable;
    }

    /** Which source failed. */
    public SourceService service() {
        return service;
    }

    /** HTTP status the source answered with, or 0 when no response was received. */
    public int status() {
        return status;
    }

    /** Whether repeating the request later may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
