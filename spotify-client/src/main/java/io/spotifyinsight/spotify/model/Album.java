package io.spotifyinsight.spotify.model;

import java.util.Objects;

/**
 * The album a track is on.
 *
 * @param releaseDate as Spotify sends it: {@code 1999}, {@code 1999-10} or {@code 1999-10-26}; null
 *     if absent
 * @param releaseDatePrecision {@code year}, {@code month} or {@code day}; null if absent
 * @param imageUrl the largest cover image, or null when the album has none
 */
public record Album(
        String id, String name, String releaseDate, String releaseDatePrecision, String imageUrl) {

    public Album {
        Objects.requireNonNull(name, "name");
    }
}
