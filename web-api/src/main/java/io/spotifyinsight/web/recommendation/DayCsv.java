package io.spotifyinsight.web.recommendation;

import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.StoredDay;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import java.util.stream.Collectors;

/**
 * A day's list as RFC 4180 CSV for spreadsheets: a header row, one row per track, CRLF line ends.
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @) gets a leading
 * apostrophe: track titles come from Spotify, not from us.
 */
final class DayCsv {
    static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    static final String HEADER =
            "position,track_id,track_title,track_link,track_url,artists,album,"
                    + "album_release_date,duration_ms,explicit,source,reason";

    private DayCsv() {}

    static String render(StoredDay day) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        int position = 1;
        for (RecommendedTrack recommended : day.tracks()) {
            TrackInfo track = recommended.track();
            csv.append(position++)
                    .append(',')
                    .append(track.id())
                    .append(',')
                    .append(cell(track.name()))
                    .append(',')
                    .append(track.uri())
                    .append(',')
                    .append(track.url())
                    .append(',')
                    .append(
                            cell(
                                    track.artists().stream()
                                            .map(ArtistInfo::name)
                                            .collect(Collectors.joining("; "))))
                    .append(',')
                    .append(cell(track.album() == null ? null : track.album().name()))
                    .append(',')
                    .append(cell(track.album() == null ? null : track.album().releaseDate()))
                    .append(',')
                    .append(track.durationMs())
                    .append(',')
                    .append(track.explicit() == null ? "" : track.explicit().toString())
                    .append(',')
                    .append(recommended.source().dbValue())
                    .append(',')
                    .append(cell(recommended.reason()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        // a spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection")
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0
                || safe.indexOf('"') >= 0
                || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
