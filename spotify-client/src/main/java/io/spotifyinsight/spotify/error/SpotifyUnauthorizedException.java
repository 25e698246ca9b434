package io.spotifyinsight.spotify.error;

/** 401 that persisted after the client fetched a fresh token and retried once. */
public final class SpotifyUnauthorizedException extends SpotifyHttpException {

    public SpotifyUnauthorizedException(String message, String spotifyMessage) {
        super(message, 401, spotifyMessage, false);
    }
}
