package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.sources.SourceTrack;
import io.spotifyinsight.spotify.model.Track;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A track one source proposes, with what it knows of it: the source, the reason a person would
 * read, the genres the source vouches for (normalised; empty when it knows none, as ReccoBeats
 * never does), and its own relevance from 0 to 1 (Last.fm's match, ReccoBeats' rank).
 */
public record Candidate(
        TrackInfo track, TrackSource source, String reason, Set<String> genres, double relevance) {
    public Candidate {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        genres = Set.copyOf(genres);
        relevance = Math.max(0, Math.min(1, relevance));
    }

    /** The candidate of a Spotify track; empty when it lacks what a stored track needs. */
    static Optional<Candidate> of(
            Track track, TrackSource source, String reason, Set<String> genres, double relevance) {
        return SpotifyTracks.of(track)
                .map(info -> new Candidate(info, source, reason, genres, relevance));
    }

    /** The candidate of a ReccoBeats track; empty when it lacks what a stored track needs. */
    static Optional<Candidate> of(
            SourceTrack track,
            TrackSource source,
            String reason,
            Set<String> genres,
            double relevance) {
        return SpotifyTracks.of(track)
                .map(info -> new Candidate(info, source, reason, genres, relevance));
    }

    public String id() {
        return track.id();
    }

    /** The first credited artist's id; "" when the track credits none. */
    public String mainArtistId() {
        return track.artists().isEmpty() ? "" : track.artists().get(0).id();
    }

    public Candidate withGenres(Set<String> moreGenres, String betterReason) {
        return new Candidate(
                track, source, betterReason == null ? reason : betterReason, moreGenres, relevance);
    }

    public RecommendedTrack toRecommended() {
        return new RecommendedTrack(track, source, reason);
    }
}
