package io.spotifyinsight.persistence.recommendation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** One user's list for one date, as the fetcher hands it over; tracks in position order. */
public record DayToStore(long userId, LocalDate date, Strategy strategy, Long runId, OffsetDateTime fetchedAt,
                         List<TrackInfo> tracks) {
    public static final int MAX_TRACKS = 100;

    public DayToStore {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        tracks = List.copyOf(Objects.requireNonNull(tracks, "tracks"));
        if (tracks.size() > MAX_TRACKS) {
            throw new IllegalArgumentException("a day's list holds at most " + MAX_TRACKS + " tracks, got " + tracks.size());
        }
        var seen = new HashSet<String>();
        for (TrackInfo track : tracks) {
            if (!seen.add(track.id())) {
                throw new IllegalArgumentException("track " + track.id() + " appears twice in the list for " + date);
            }
        }
    }
}
