package io.spotifyinsight.spotify.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Parses {@code Retry-After}: Spotify sends whole seconds; RFC 9110 also allows an HTTP date. */
final class RetryAfter {

    private RetryAfter() {}

    /** The requested wait, or {@link Duration#ZERO} when absent, zero, negative or unreadable. */
    static Duration parse(String header) {
        if (header == null || header.isBlank()) {
            return Duration.ZERO;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds > 0 ? Duration.ofSeconds(seconds) : Duration.ZERO;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until =
                        Duration.between(
                                ZonedDateTime.now(),
                                ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notADate) {
                return Duration.ZERO;
            }
        }
    }
}
