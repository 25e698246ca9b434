package io.spotifyinsight.spotify.model;

import java.util.List;
import java.util.Objects;

/**
 * A track, reduced to what the project stores. Deliberately without popularity and markets:
 * development-mode apps no longer receive them.
 *
 * @param uri {@code spotify:track:<id>}
 * @param url the {@code https://open.spotify.com/track/<id>} link
 * @param isrc {@code external_ids.isrc}, null when Spotify gives none; it maps the track to other
 *     catalogues (MusicBrainz, Deezer)
 */
public record Track(
        String id,
        String name,
        String uri,
        String url,
        int durationMs,
        boolean explicit,
        Album album,
        List<ArtistRef> artists,
        String isrc) {

    public Track {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(album, "album");
        artists = List.copyOf(artists);
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must be >= 0, was " + durationMs);
        }
    }
}
