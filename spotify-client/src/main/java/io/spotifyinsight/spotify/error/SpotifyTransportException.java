package io.spotifyinsight.spotify.error;

/** No usable HTTP response: connection refused or reset, timeout. Thrown after retries ran out. */
public final class SpotifyTransportException extends SpotifyException {

    public SpotifyTransportException(String message, Throwable cause) {
        super(message, 0, null, true, cause);
    }
}
