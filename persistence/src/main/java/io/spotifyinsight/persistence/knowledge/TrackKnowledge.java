package io.spotifyinsight.persistence.knowledge;

import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the engine learnt about a seed track: name, artists in Spotify's order, release date, ISRC.
 */
public record TrackKnowledge(
        String trackId,
        String name,
        List<ArtistInfo> artists,
        String releaseDate,
        String isrc,
        OffsetDateTime learntAt) {
    public TrackKnowledge {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(learntAt, "learntAt");
        artists = List.copyOf(Objects.requireNonNull(artists, "artists"));
    }
}
