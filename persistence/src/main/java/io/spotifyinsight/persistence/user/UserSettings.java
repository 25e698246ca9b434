package io.spotifyinsight.persistence.user;

import io.spotifyinsight.persistence.Checks;
import io.spotifyinsight.persistence.Printable;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What can be set on a user alias: everything but its identity and timestamps. */
public record UserSettings(
        String username,
        boolean active,
        String market,
        int trackLimit,
        Seeds seeds,
        Exclusions exclusions) {
    public static final int DEFAULT_TRACK_LIMIT = 20;
    public static final int MAX_TRACK_LIMIT = 100;
    private static final Pattern MARKET = Pattern.compile("^[A-Z]{2}$");

    /** Assigned ISO 3166-1 alpha-2 codes, plus XK (Kosovo), which Spotify lists as a market. */
    private static final Set<String> COUNTRIES =
            Stream.concat(Arrays.stream(java.util.Locale.getISOCountries()), Stream.of("XK"))
                    .collect(Collectors.toUnmodifiableSet());

    public UserSettings {
        Usernames.requireValid(username);
        Objects.requireNonNull(seeds, "seeds");
        Objects.requireNonNull(exclusions, "exclusions");
        if (market != null && !(MARKET.matcher(market).matches() && COUNTRIES.contains(market))) {
            throw new IllegalArgumentException(
                    "invalid market '"
                            + Printable.of(market)
                            + "': expected an ISO 3166-1 alpha-2 country code in capitals, such as"
                            + " US or DE");
        }
        Checks.range("the number of tracks (limit)", trackLimit, 1, MAX_TRACK_LIMIT);
    }

    /** Settings without exclusions. */
    public UserSettings(
            String username, boolean active, String market, int trackLimit, Seeds seeds) {
        this(username, active, market, trackLimit, seeds, Exclusions.NONE);
    }

    public UserSettings withActive(boolean newActive) {
        return new UserSettings(username, newActive, market, trackLimit, seeds, exclusions);
    }
}
