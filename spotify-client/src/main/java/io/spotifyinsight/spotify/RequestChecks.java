package io.spotifyinsight.spotify;

import java.util.regex.Pattern;

/** The checks the requests share, each written once; every message says what is accepted. */
final class RequestChecks {
    private static final Pattern MARKET = Pattern.compile("^[A-Z]{2}$");

    private RequestChecks() {}

    /** Throws unless {@code market} is null (none) or an upper-case ISO 3166-1 alpha-2 code. */
    static void market(String market) {
        if (market != null && !MARKET.matcher(market).matches()) {
            throw new IllegalArgumentException(
                    "invalid market '"
                            + market
                            + "': expected an ISO 3166-1 alpha-2 country code in upper case, such"
                            + " as US or SE, or null for none");
        }
    }

    /**
     * Throws "{what} must be {min} to {max}{aside}, got {value}" unless {@code value} is in range.
     *
     * @param aside more on the range, e.g. a lower limit for some apps, or empty
     */
    static void range(String what, int value, int min, int max, String aside) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    what + " must be " + min + " to " + max + aside + ", got " + value);
        }
    }
}
