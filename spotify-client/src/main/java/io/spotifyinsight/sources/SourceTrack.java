package io.spotifyinsight.sources;

import java.util.List;
import java.util.Objects;

/**
 * A track a source suggested, always with its Spotify id (items without one are dropped).
 *
 * @param durationMs 0 when the source did not say
 * @param isrc null when the source did not say
 */
public record SourceTrack(
        String spotifyId, String title, List<SourceArtist> artists, int durationMs, String isrc) {

    public SourceTrack {
        Objects.requireNonNull(spotifyId, "spotifyId");
        Objects.requireNonNull(title, "title");
        artists = List.copyOf(artists);
    }
}
