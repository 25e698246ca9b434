package io.spotifyinsight.web.page;

import io.spotifyinsight.persistence.recommendation.AlbumInfo;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import java.util.stream.Collectors;

/**
 * One track as a page shows it, every text already in the words a person reads (escaping is the
 * template's job: jte escapes each value for its HTML context).
 *
 * @param coverUrl an https URL on the cover CDN, or null (the page then shows the placeholder)
 * @param albumYear "Album · 2019", "Album", or null when the source named no album
 */
public record TrackRow(
        int position,
        String title,
        String spotifyUrl,
        String artists,
        String albumYear,
        String coverUrl,
        String duration,
        boolean explicit,
        String source,
        String reason) {

    static TrackRow of(int position, RecommendedTrack recommended) {
        TrackInfo track = recommended.track();
        AlbumInfo album = track.album();
        return new TrackRow(
                position,
                track.name(),
                track.url(),
                track.artists().stream().map(ArtistInfo::name).collect(Collectors.joining(", ")),
                album == null ? null : albumYear(album),
                album == null ? null : Covers.safe(album.imageUrl()),
                duration(track.durationMs()),
                Boolean.TRUE.equals(track.explicit()),
                SourceLabels.of(recommended.source()),
                recommended.reason());
    }

    private static String albumYear(AlbumInfo album) {
        String date = album.releaseDate();
        return date != null && date.length() >= 4
                ? album.name() + " · " + date.substring(0, 4)
                : album.name();
    }

    /** m:ss, or h:mm:ss for the rare track of an hour or more. */
    static String duration(int durationMs) {
        long seconds = Math.max(0, Math.round(durationMs / 1000.0));
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
