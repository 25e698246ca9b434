package io.spotifyinsight.persistence.recommendation;

import java.util.List;
import java.util.Objects;

/** A track with what the API shows of it: album and artists (in Spotify's order). */
public record TrackInfo(String id, String name, int durationMs, boolean explicit, AlbumInfo album, List<ArtistInfo> artists) {
    public TrackInfo {
        Objects.requireNonNull(id, "track id");
        Objects.requireNonNull(name, "track name");
        Objects.requireNonNull(album, "album");
        artists = List.copyOf(Objects.requireNonNull(artists, "artists"));
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must not be negative, got " + durationMs);
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
