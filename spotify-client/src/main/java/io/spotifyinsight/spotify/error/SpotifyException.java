package io.spotifyinsight.spotify.error;

/**
 * Root of every failure the Spotify client reports. Unchecked, immutable.
 *
 * <p>Callers decide what to do from the subclass and {@link #retryable()}: {@code true} means a
 * later attempt may succeed (server trouble, rate limit, network), {@code false} means repeating
 * the same request will fail the same way (bad input, missing access, bad credentials). {@link
 * #status()} is the HTTP status Spotify answered with, or 0 when no response was received.
 */
public class SpotifyException extends ServiceException {

    private final String spotifyMessage;

    protected SpotifyException(
            String message, int status, String spotifyMessage, boolean retryable, Throwable cause) {
        super(message, status, retryable, cause);
        this.spotifyMessage = spotifyMessage;
    }

    /**
     * The {@code message} (or OAuth {@code error_description}) Spotify sent; null if it sent none.
     */
    public String spotifyMessage() {
        return spotifyMessage;
    }
}
