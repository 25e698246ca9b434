package io.spotifyinsight.fetcher.run;

import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.spotify.model.Track;
import java.util.List;
import java.util.Objects;

/** One user's tracks for one date, with the strategy that actually produced them. */
public record DayList(Strategy strategy, List<Track> tracks) {
    public DayList {
        Objects.requireNonNull(strategy, "strategy");
        tracks = List.copyOf(tracks);
    }
}
