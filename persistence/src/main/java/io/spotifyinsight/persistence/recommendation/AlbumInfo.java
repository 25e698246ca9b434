package io.spotifyinsight.persistence.recommendation;

import java.util.Objects;

/**
 * An album as stored with a track. {@code releaseDate} is Spotify's text ("1981", "1981-12" or
 * "1981-12-15"), {@code imageUrl} the largest cover image; both may be null.
 */
public record AlbumInfo(String id, String name, String releaseDate, String imageUrl) {
    public AlbumInfo {
        Objects.requireNonNull(id, "album id");
        Objects.requireNonNull(name, "album name");
    }
}
