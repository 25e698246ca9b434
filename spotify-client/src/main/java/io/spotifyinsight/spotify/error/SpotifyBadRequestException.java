package io.spotifyinsight.spotify.error;

/** 400: Spotify refused the parameters (e.g. {@code Invalid limit}, {@code invalid id}). */
public final class SpotifyBadRequestException extends SpotifyHttpException {

    public SpotifyBadRequestException(String message, String spotifyMessage) {
        super(message, 400, spotifyMessage, false);
    }
}
