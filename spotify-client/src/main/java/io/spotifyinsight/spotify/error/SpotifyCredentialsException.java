package io.spotifyinsight.spotify.error;

/**
 * The token endpoint rejected the client id or secret. Operators must fix the configuration;
 * retrying cannot help. The message names Spotify's reason but never the secret.
 */
public final class SpotifyCredentialsException extends SpotifyHttpException {

    public SpotifyCredentialsException(String message, int status, String spotifyMessage) {
        super(message, status, spotifyMessage, false);
    }
}
