package io.spotifyinsight.fetcher;

import java.util.Locale;

/** Which way a run gets its lists: the configured default or the {@code --strategy} override. */
public enum StrategyChoice {
    /**
     * Spotify's recommendations, falling back to the blend for the rest of the run when the app has
     * no access.
     */
    AUTO,
    /** Only Spotify's {@code /v1/recommendations} (apps with extended quota). */
    SPOTIFY,
    /** Only the search-based strategy (development-mode apps). */
    SEARCH,
    /** Spotify search and third-party sources, re-ranked by genre affinity (every app). */
    BLEND;

    public static final String ACCEPTED = "auto, spotify, search or blend";

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses auto|spotify|search|blend, case-insensitively; the message lists the accepted values.
     */
    public static StrategyChoice parse(String value) {
        if (value != null) {
            for (StrategyChoice choice : values()) {
                if (choice.value().equalsIgnoreCase(value.strip())) {
                    return choice;
                }
            }
        }
        throw new IllegalArgumentException("expected " + ACCEPTED + ", got '" + value + "'");
    }
}
