package io.spotifyinsight.spotify.model;

import java.util.List;
import java.util.Objects;

/**
 * An artist. {@code genres} are Spotify's free-text genre names, which are not necessarily valid
 * recommendation seed genres; often empty.
 */
public record Artist(String id, String name, List<String> genres) {

    public Artist {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        genres = List.copyOf(genres);
    }
}
