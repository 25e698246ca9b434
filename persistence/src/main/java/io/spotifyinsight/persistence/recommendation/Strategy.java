package io.spotifyinsight.persistence.recommendation;

import io.spotifyinsight.persistence.StoredName;

/** Which strategy produced a day's list; stored lower-case with every row. */
public enum Strategy implements StoredName {
    /** Spotify's own {@code /v1/recommendations}. */
    SPOTIFY,
    /** Our search-based strategy, for apps without access to recommendations. */
    SEARCH,
    /** Candidates from Spotify search and third-party sources, re-ranked by genre affinity. */
    BLEND;
}
