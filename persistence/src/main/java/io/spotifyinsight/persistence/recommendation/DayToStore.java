package io.spotifyinsight.persistence.recommendation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One user's list for one date, as the fetcher hands it over; tracks in position order, each with
 * its source and reason; {@code missingSources} names the third-party sources the list had to do
 * without.
 */
public record DayToStore(
        long userId,
        LocalDate date,
        Strategy strategy,
        Long runId,
        OffsetDateTime fetchedAt,
        List<RecommendedTrack> tracks,
        List<String> missingSources) {
    public static final int MAX_TRACKS = 100;

    public DayToStore {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        tracks = List.copyOf(Objects.requireNonNull(tracks, "tracks"));
        missingSources =
                SourceNames.normalise(Objects.requireNonNull(missingSources, "missingSources"));
        if (tracks.size() > MAX_TRACKS) {
            throw new IllegalArgumentException(
                    "a day's list holds at most " + MAX_TRACKS + " tracks, got " + tracks.size());
        }
        var seen = new HashSet<String>();
        for (RecommendedTrack track : tracks) {
            if (!seen.add(track.id())) {
                throw new IllegalArgumentException(
                        "track " + track.id() + " appears twice in the list for " + date);
            }
        }
    }

    /** A list that lacked no source. */
    public DayToStore(
            long userId,
            LocalDate date,
            Strategy strategy,
            Long runId,
            OffsetDateTime fetchedAt,
            List<RecommendedTrack> tracks) {
        this(userId, date, strategy, runId, fetchedAt, tracks, List.of());
    }

    /** The catalogue rows of the tracks. */
    public List<TrackInfo> trackInfos() {
        return tracks.stream().map(RecommendedTrack::track).toList();
    }
}
