package io.spotifyinsight.web.recommendation;

import io.spotifyinsight.persistence.recommendation.RecommendationRepository.DaySummary;
import io.spotifyinsight.persistence.recommendation.StoredDay;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A list ready to send: its JSON bytes and the version its ETags derive from. The version spells
 * out what identifies a stored list (date, fetch time, run, length; the user is in the URL) in base
 * 36, not the bytes, so it is cheap to compute: no hash, no MessageDigest lookup per request. None
 * of it is secret: the body shows the same values.
 */
record RenderedDay(String username, LocalDate date, byte[] json, String version) {

    static String versionOf(StoredDay day) {
        return versionOf(day.date(), day.fetchedAt(), day.runId(), day.tracks().size());
    }

    /** The same version from a range's summary of the day, before its tracks are read. */
    static String versionOf(DaySummary day) {
        return versionOf(day.date(), day.fetchedAt(), day.runId(), day.tracks());
    }

    private static String versionOf(
            LocalDate date, OffsetDateTime fetchedAt, Long runId, int tracks) {
        var instant = fetchedAt.toInstant();
        long micros = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
        return Long.toString(date.toEpochDay(), 36)
                + '.'
                + Long.toString(micros, 36)
                + '.'
                + (runId == null ? "0" : Long.toString(runId, 36))
                + '.'
                + tracks;
    }

    /**
     * A range's version: a digest of its days' versions, so that adding, replacing or removing a
     * day changes it while the header stays short (366 spelled-out versions would be about 9 kB).
     * It is computed from the range's summaries, before any track is read, so the answer can be
     * streamed (or be a 304) and still carry an ETag: the summaries name each day's date, fetch
     * time, run and length, exactly what a day's own version is made of, so the ETag is today's.
     */
    static String rangeVersionOf(List<DaySummary> days) {
        StringBuilder versions = new StringBuilder();
        days.forEach(day -> versions.append(versionOf(day)).append(' '));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(versions.toString().getBytes(StandardCharsets.UTF_8));
            return "r"
                    + days.size()
                    + "."
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException impossible) { // every JDK has SHA-256
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * A weak ETag: equal versions mean the same list, not necessarily byte-identical catalogue
     * text.
     */
    String etag(String format) {
        return etag(version, format);
    }

    static String etag(String version, String format) {
        return "W/\"" + version + "-" + format + "\"";
    }
}
