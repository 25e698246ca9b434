package io.spotifyinsight.fetcher.strategy;

import io.spotifyinsight.fetcher.blend.SpotifyTracks;
import io.spotifyinsight.fetcher.engine.DayList;
import io.spotifyinsight.fetcher.engine.RecommendationStrategy;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.persistence.user.Seeds;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.spotify.RecommendationRequest;
import io.spotifyinsight.spotify.SpotifyClient;
import io.spotifyinsight.spotify.model.Track;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The {@code spotify} strategy: one call to {@code /v1/recommendations} with the user's seeds and
 * market, asking for twice the limit (at most 100) so that excluded and recently recommended tracks
 * can be dropped and the list still filled; Spotify's order is kept. Only apps with extended quota
 * still have that endpoint; others get {@link
 * io.spotifyinsight.spotify.error.SpotifyFeatureUnavailableException}.
 */
public final class SpotifyRecommendations implements RecommendationStrategy {
    static final String REASON = "Spotify's recommendation for your seeds";
    private static final int MAX_ASK = 100;

    private final SpotifyClient spotify;

    public SpotifyRecommendations(SpotifyClient spotify) {
        this.spotify = spotify;
    }

    @Override
    public DayList fetch(UserAlias user, LocalDate date, Set<String> recentTrackIds) {
        Seeds seeds = user.settings().seeds();
        int ask = Math.min(MAX_ASK, user.settings().trackLimit() * 2);
        List<Track> tracks =
                spotify.recommendations(
                        new RecommendationRequest(
                                seeds.artists(),
                                seeds.genres(),
                                seeds.tracks(),
                                ask,
                                user.settings().market()));
        // Spotify has been seen to repeat a track; a stored day holds each track once.
        List<Track> kept =
                Freshness.preferFresh(
                        Candidates.distinct(tracks),
                        user,
                        recentTrackIds,
                        user.settings().trackLimit());
        List<RecommendedTrack> list =
                kept.stream()
                        .flatMap(t -> SpotifyTracks.of(t).stream())
                        .map(info -> new RecommendedTrack(info, TrackSource.SPOTIFY, REASON))
                        .toList();
        return new DayList(Strategy.SPOTIFY, list);
    }
}
