package io.spotifyinsight.fetcher.engine;

import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.SourceNames;
import io.spotifyinsight.persistence.recommendation.Strategy;
import java.util.List;
import java.util.Objects;

/**
 * One user's tracks for one date, each with its source and reason, the strategy that actually
 * produced them, and the third-party sources the list had to do without.
 */
public record DayList(
        Strategy strategy, List<RecommendedTrack> tracks, List<String> missingSources) {
    public DayList {
        Objects.requireNonNull(strategy, "strategy");
        tracks = List.copyOf(tracks);
        missingSources = SourceNames.normalise(missingSources);
    }

    public DayList(Strategy strategy, List<RecommendedTrack> tracks) {
        this(strategy, tracks, List.of());
    }
}
