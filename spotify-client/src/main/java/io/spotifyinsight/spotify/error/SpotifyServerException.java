package io.spotifyinsight.spotify.error;

/** 5xx from Spotify, still failing after the client's retries. */
public final class SpotifyServerException extends SpotifyHttpException {

    public SpotifyServerException(String message, int status, String spotifyMessage) {
        super(message, status, spotifyMessage, true);
    }
}
