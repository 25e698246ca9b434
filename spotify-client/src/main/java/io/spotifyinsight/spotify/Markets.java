package io.spotifyinsight.spotify;

import java.util.regex.Pattern;

/** The {@code market} parameter every request that takes one checks the same way. */
final class Markets {
    private static final Pattern MARKET = Pattern.compile("^[A-Z]{2}$");

    private Markets() {}

    /** Throws unless {@code market} is null (none) or an upper-case ISO 3166-1 alpha-2 code. */
    static void check(String market) {
        if (market != null && !MARKET.matcher(market).matches()) {
            throw new IllegalArgumentException(
                    "invalid market '"
                            + market
                            + "': expected an ISO 3166-1 alpha-2 country code in upper case, such"
                            + " as US or SE, or null for none");
        }
    }
}
