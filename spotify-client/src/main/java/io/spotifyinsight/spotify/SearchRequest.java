package io.spotifyinsight.spotify;

import java.util.Objects;

/**
 * A track search ({@code GET /v1/search?type=track}), checked before any request is sent.
 *
 * @param query free words plus filters Spotify understands: {@code genre:}, {@code artist:}, {@code
 *     year:1990} or {@code year:1990-1999}, {@code track:}, {@code album:}; quote multi-word values
 * @param limit 1 to 50; development-mode apps may only ask for up to 10 since February 2026 ({@link
 *     #MAX_LIMIT_DEVELOPMENT_MODE}), more is answered with 400 "Invalid limit"
 * @param offset 0 to 1000
 * @param market ISO 3166-1 alpha-2 code or null
 */
public record SearchRequest(String query, int limit, int offset, String market) {

    public static final int MAX_LIMIT = 50;
    public static final int MAX_LIMIT_DEVELOPMENT_MODE = 10;
    public static final int MAX_OFFSET = 1000;

    public SearchRequest {
        Objects.requireNonNull(query, "query must not be null");
        if (query.isBlank()) {
            throw new IllegalArgumentException(
                    "search query must not be blank: give words and/or filters such as genre:jazz,"
                            + " artist:\"Nina Simone\" or year:1960-1969");
        }
        RequestChecks.range(
                "search limit",
                limit,
                1,
                MAX_LIMIT,
                " (1 to " + MAX_LIMIT_DEVELOPMENT_MODE + " for development-mode apps)");
        RequestChecks.range("search offset", offset, 0, MAX_OFFSET, "");
        RequestChecks.market(market);
    }

    /** First page of {@code limit} results, no market. */
    public static SearchRequest of(String query, int limit) {
        return new SearchRequest(query, limit, 0, null);
    }

    /** The following page of the same size. */
    public SearchRequest nextPage() {
        return new SearchRequest(query, limit, offset + limit, market);
    }
}
