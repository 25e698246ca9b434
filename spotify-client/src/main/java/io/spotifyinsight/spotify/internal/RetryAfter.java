package io.spotifyinsight.spotify.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Parses {@code Retry-After}: Spotify sends whole seconds; RFC 9110 also allows an HTTP date.
 * Shared by every client of this module (Spotify and the recommendation sources).
 */
public final class RetryAfter {

    /**
     * Longest wait we represent. Larger (or overflowing) values are clamped here, so that callers
     * can compare and convert to nanoseconds without overflow; any retry budget is far shorter, so
     * a clamped value always reads as "too long to wait".
     */
    public static final Duration MAX = Duration.ofDays(7);

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private RetryAfter() {}

    /**
     * The requested wait, at most {@link #MAX}; {@link Duration#ZERO} when absent, zero, negative,
     * in the past or unreadable.
     */
    public static Duration parse(String header) {
        if (header == null || header.isBlank()) {
            return Duration.ZERO;
        }
        String value = header.trim();
        if (DIGITS.matcher(value).matches()) {
            try {
                long seconds = Long.parseLong(value);
                return seconds > 0 ? cap(Duration.ofSeconds(seconds)) : Duration.ZERO;
            } catch (NumberFormatException tooManyDigits) {
                return MAX; // a number of seconds beyond long: certainly too long to wait
            }
        }
        try {
            Duration until =
                    Duration.between(
                            ZonedDateTime.now(),
                            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : cap(until);
        } catch (RuntimeException notADate) {
            return Duration.ZERO;
        }
    }

    private static Duration cap(Duration wait) {
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
