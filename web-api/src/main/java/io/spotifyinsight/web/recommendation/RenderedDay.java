package io.spotifyinsight.web.recommendation;

import io.spotifyinsight.persistence.recommendation.StoredDay;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

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

    /**
     * A range's version: a digest of its days' versions, so that adding, replacing or removing a day
     * changes it while the header stays short (366 spelled-out versions would be about 9 kB).
     */
    static String versionOf(List<StoredDay> days) {
        StringBuilder versions = new StringBuilder();
        days.forEach(day -> versions.append(versionOf(day)).append(' '));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(versions.toString().getBytes(StandardCharsets.UTF_8));
            return "r" + days.size() + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException impossible) { // every JDK has SHA-256
            throw new IllegalStateException(impossible);
        }
    }

    /** A weak ETag: equal versions mean the same list, not necessarily byte-identical catalogue text. */
    String etag(String format) {
        return etag(version, format);
    }

    static String etag(String version, String format) {
        return "W/\"" + version + "-" + format + "\"";
    }
}
