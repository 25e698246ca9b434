package io.spotifyinsight.fetcher.run;

import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.user.Seeds;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.spotify.RecommendationRequest;
import io.spotifyinsight.spotify.SpotifyClient;
import io.spotifyinsight.spotify.model.Track;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code spotify} strategy: one call to {@code /v1/recommendations} with the user's seeds, market
 * and limit. Only apps with extended quota still have that endpoint; others get
 * {@link io.spotifyinsight.spotify.error.SpotifyFeatureUnavailableException}.
 */
public final class SpotifyRecommendations implements RecommendationStrategy {
    private final SpotifyClient spotify;

    public SpotifyRecommendations(SpotifyClient spotify) {
        this.spotify = spotify;
    }

    @Override
    public DayList fetch(UserAlias user, LocalDate date) {
        Seeds seeds = user.seeds();
        List<Track> tracks = spotify.recommendations(new RecommendationRequest(
                seeds.artists(), seeds.genres(), seeds.tracks(), user.trackLimit(), user.market()));
        // Spotify has been seen to repeat a track; a stored day holds each track once.
        return new DayList(Strategy.SPOTIFY, Candidates.distinct(tracks).stream().limit(user.trackLimit()).toList());
    }
}
