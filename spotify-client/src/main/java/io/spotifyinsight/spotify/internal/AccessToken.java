package io.spotifyinsight.spotify.internal;

import java.time.Instant;

/** A bearer token and the moment we stop using it (a little before Spotify's expiry). */
record AccessToken(String value, Instant refreshAt) {

    boolean usableAt(Instant now) {
        return now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
        return "AccessToken[value=<redacted>, refreshAt=" + refreshAt + "]";
    }
}
