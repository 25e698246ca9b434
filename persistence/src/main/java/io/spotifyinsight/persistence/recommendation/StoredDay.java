package io.spotifyinsight.persistence.recommendation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored list: one user's recommendations for one date, tracks in position order with their
 * source and reason, and the third-party sources the list had to do without.
 */
public record StoredDay(
        String username,
        LocalDate date,
        Strategy strategy,
        OffsetDateTime fetchedAt,
        Long runId,
        List<RecommendedTrack> tracks,
        List<String> missingSources) {
    public StoredDay {
        tracks = List.copyOf(tracks);
        missingSources = List.copyOf(missingSources);
    }
}
