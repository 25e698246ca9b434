package io.spotifyinsight.spotify.error;

/**
 * What every failure of this module's clients carries, Spotify's ({@link SpotifyException}) and the
 * recommendation sources' ({@code SourceException}): the HTTP status and whether a later attempt
 * may succeed. Unchecked, immutable. Callers catch the client's own root; the retry loop reads
 * {@link #retryable()} here, once for all clients.
 */
public abstract class ServiceException extends RuntimeException {

    private final int status;
    private final boolean retryable;

    protected ServiceException(String message, int status, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
    }

    /** HTTP status the service answered with, or 0 when no response was received. */
    public int status() {
        return status;
    }

    /**
     * Whether repeating the request later may succeed: {@code true} for server trouble, a rate
     * limit or the network, {@code false} when the same request will fail the same way.
     */
    public boolean retryable() {
        return retryable;
    }
}
