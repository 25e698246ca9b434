package io.spotifyinsight.web.recommendation;

import io.spotifyinsight.persistence.recommendation.AlbumInfo;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.StoredDay;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One day's list as the API shows it (snake_case on the wire). The first three track fields are the
 * old service's, unchanged: {@code track_id}, {@code track_title} and {@code track_link} (the
 * Spotify URI). Each track says where it came from ({@code source}) and why it is there ({@code
 * reason}); {@code missing_sources} names the third-party sources the list had to do without.
 */
public record DayView(
        String username,
        LocalDate date,
        String strategy,
        OffsetDateTime fetchedAt,
        int trackCount,
        List<String> missingSources,
        List<TrackView> tracks) {

    public record TrackView(
            String trackId,
            String trackTitle,
            String trackLink,
            String trackUrl,
            List<ArtistView> artists,
            AlbumView album,
            int durationMs,
            Boolean explicit,
            String source,
            String reason) {}

    public record ArtistView(String id, String name) {}

    public record AlbumView(String id, String name, String releaseDate, String imageUrl) {}

    public static DayView of(StoredDay day) {
        List<TrackView> tracks = day.tracks().stream().map(DayView::track).toList();
        return new DayView(
                day.username(),
                day.date(),
                day.strategy().dbValue(),
                day.fetchedAt().withOffsetSameInstant(ZoneOffset.UTC),
                tracks.size(),
                day.missingSources(),
                tracks);
    }

    private static TrackView track(RecommendedTrack recommended) {
        TrackInfo t = recommended.track();
        AlbumInfo a = t.album();
        return new TrackView(
                t.id(),
                t.name(),
                t.uri(),
                t.url(),
                t.artists().stream().map(DayView::artist).toList(),
                a == null ? null : new AlbumView(a.id(), a.name(), a.releaseDate(), a.imageUrl()),
                t.durationMs(),
                t.explicit(),
                recommended.source().dbValue(),
                recommended.reason());
    }

    private static ArtistView artist(ArtistInfo a) {
        return new ArtistView(a.id(), a.name());
    }
}
