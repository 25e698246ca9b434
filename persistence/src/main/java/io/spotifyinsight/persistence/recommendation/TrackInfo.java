package io.spotifyinsight.persistence.recommendation;

import java.util.List;
import java.util.Objects;

/**
 * A track with what the API shows of it: album and artists (in Spotify's order). {@code album} and
 * {@code explicit} are null when unknown: a track named by a third-party source (ReccoBeats gives
 * neither) and not yet seen from Spotify.
 */
public record TrackInfo(
        String id,
        String name,
        int durationMs,
        Boolean explicit,
        AlbumInfo album,
        List<ArtistInfo> artists) {
    public TrackInfo {
        Objects.requireNonNull(id, "track id");
        Objects.requireNonNull(name, "track name");
        artists = List.copyOf(Objects.requireNonNull(artists, "artists"));
        if (durationMs < 0) {
            throw new IllegalArgumentException(
                    "durationMs must not be negative, got " + durationMs);
        }
    }

    /** The Spotify URI, e.g. {@code spotify:track:0c6xIDDpzE81m2q797ordA}. */
    public String uri() {
        return "spotify:track:" + id;
    }

    /** The web link, e.g. {@code https://open.spotify.com/track/0c6xIDDpzE81m2q797ordA}. */
    public String url() {
        return "https://open.spotify.com/track/" + id;
    }
}
