package io.spotifyinsight.persistence.recommendation;

import java.util.Locale;

/** Which strategy produced a day's list; stored lower-case with every row. */
public enum Strategy {
    /** Spotify's own {@code /v1/recommendations}. */
    SPOTIFY,
    /** Our search-based strategy, for apps without access to recommendations. */
    SEARCH,
    /** Candidates from Spotify search and third-party sources, re-ranked by genre affinity. */
    BLEND;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Strategy fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
