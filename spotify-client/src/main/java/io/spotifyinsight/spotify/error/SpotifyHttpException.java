package io.spotifyinsight.spotify.error;

/**
 * Spotify answered with a non-2xx status. Subclasses name the cases a caller handles differently.
 */
public class SpotifyHttpException extends SpotifyException {

    public SpotifyHttpException(
            String message, int status, String spotifyMessage, boolean retryable) {
        super(message, status, spotifyMessage, retryable, null);
    }
}
