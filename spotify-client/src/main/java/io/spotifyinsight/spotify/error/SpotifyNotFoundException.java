package io.spotifyinsight.spotify.error;

/** 404 for an unknown resource, such as a well-formed id that does not exist. */
public final class SpotifyNotFoundException extends SpotifyHttpException {

    public SpotifyNotFoundException(String message, String spotifyMessage) {
        super(message, 404, spotifyMessage, false);
    }
}
