package io.spotifyinsight.persistence.recommendation;

import java.util.Objects;

/** An artist as stored with a track. */
public record ArtistInfo(String id, String name) {
    public ArtistInfo {
        Objects.requireNonNull(id, "artist id");
        Objects.requireNonNull(name, "artist name");
    }
}
