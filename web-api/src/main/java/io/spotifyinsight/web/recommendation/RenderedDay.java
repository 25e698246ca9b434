package io.spotifyinsight.web.recommendation;

import io.spotifyinsight.persistence.recommendation.StoredDay;
import java.time.LocalDate;

/**
 * A list ready to send: its JSON bytes and the version its ETags derive from. The version spells out
 * what identifies a stored list (date, fetch time, run, length; the user is in the URL) in base 36,
 * not the bytes, so it is cheap to compute: no hash, no MessageDigest lookup per request. None of it
 * is secret: the body shows the same values.
 */
record RenderedDay(String username, LocalDate date, byte[] json, String version) {

    static String versionOf(StoredDay day) {
        var fetchedAt = day.fetchedAt().toInstant();
        long micros = fetchedAt.getEpochSecond() * 1_000_000L + fetchedAt.getNano() / 1_000;
        return Long.toString(day.date().toEpochDay(), 36) + '.' + Long.toString(micros, 36) + '.'
                + (day.runId() == null ? "0" : Long.toString(day.runId(), 36)) + '.' + day.tracks().size();
    }

    /** A weak ETag: equal versions mean the same list, not necessarily byte-identical catalogue text. */
    String etag(String format) {
        return "W/\"" + version + "-" + format + "\"";
    }
}
