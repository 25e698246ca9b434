package io.spotifyinsight.fetcher.blend;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;

/**
 * Deterministic randomness: the same alias, date and key always give the same number, so a re-run
 * of a date gives the same list and another date a different one.
 */
public final class Shuffle {
    private Shuffle() {}

    /** A stable seed for (alias, date): the first 8 bytes of SHA-256("username|date"). */
    public static long seedFor(String username, LocalDate date) {
        return hash(username + "|" + date);
    }

    /** A number in [0, 1) for (seed, key). */
    public static double unit(long seed, String key) {
        return (hash(seed + "|" + key) >>> 11) * 0x1.0p-53;
    }

    /** A whole number in [0, bound) for (seed, key). */
    public static int below(long seed, String key, int bound) {
        return (int) Math.floorMod(hash(seed + "#" + key), (long) bound);
    }

    private static long hash(String text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
