package io.spotifyinsight.spotify;

/**
 * The Spotify configuration is missing or invalid. The message lists every problem at once, each
 * with the variable and what it accepts; it never contains the client secret.
 */
public final class SpotifyConfigException extends IllegalArgumentException {

    public SpotifyConfigException(String message) {
        super(message);
    }
}
