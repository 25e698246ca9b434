package io.spotifyinsight.spotify.error;

/**
 * Spotify answered 2xx but the body was not the JSON we expect (malformed, wrong shape, a required
 * field missing). Not retryable: the same request tends to produce the same body.
 */
public final class SpotifyDecodingException extends SpotifyException {

    public SpotifyDecodingException(String message, int status, Throwable cause) {
        super(message, status, null, false, cause);
    }
}
