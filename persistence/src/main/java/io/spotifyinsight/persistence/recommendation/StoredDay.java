package io.spotifyinsight.persistence.recommendation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A stored list: one user's recommendations for one date, tracks in position order. */
public record StoredDay(String username, LocalDate date, Strategy strategy, OffsetDateTime fetchedAt, Long runId,
                        List<TrackInfo> tracks) {
    public StoredDay {
        tracks = List.copyOf(tracks);
    }
}
