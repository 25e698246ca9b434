package io.spotifyinsight.web.recommendation;

import io.spotifyinsight.persistence.recommendation.StoredDay;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * A list ready to send: its JSON bytes and the version its ETags derive from. The version hashes what
 * identifies a stored list (user, date, fetch time, run), not the bytes, so it is cheap to compute.
 */
record RenderedDay(String username, LocalDate date, byte[] json, String version) {

    static String versionOf(StoredDay day) {
        String identity = day.username() + '|' + day.date() + '|' + day.fetchedAt().toInstant() + '|' + day.runId()
                + '|' + day.tracks().size();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** A weak ETag: equal versions mean the same list, not necessarily byte-identical catalogue text. */
    String etag(String format) {
        return "W/\"" + version + "-" + format + "\"";
    }
}
