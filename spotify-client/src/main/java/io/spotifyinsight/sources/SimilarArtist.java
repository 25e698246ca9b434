package io.spotifyinsight.sources;

import java.util.Objects;

/**
 * A similar artist from Last.fm.
 *
 * @param mbid MusicBrainz id, null when Last.fm sent none or an empty one
 * @param match similarity 0..1, 0 when absent
 */
public record SimilarArtist(String name, String mbid, double match) {

    public SimilarArtist {
        Objects.requireNonNull(name, "name");
        if (mbid != null && mbid.isBlank()) {
            mbid = null;
        }
    }
}
