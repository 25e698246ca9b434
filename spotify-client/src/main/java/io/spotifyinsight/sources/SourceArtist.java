package io.spotifyinsight.sources;

import java.util.Objects;

/**
 * An artist as a source names it.
 *
 * @param spotifyId bare Spotify id, or null when the source gave none
 */
public record SourceArtist(String spotifyId, String name) {

    public SourceArtist {
        Objects.requireNonNull(name, "name");
    }
}
