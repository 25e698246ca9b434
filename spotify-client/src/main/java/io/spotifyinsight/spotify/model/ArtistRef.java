package io.spotifyinsight.spotify.model;

import java.util.Objects;

/** An artist as named on a track or album: id and name only. */
public record ArtistRef(String id, String name) {

    public ArtistRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
