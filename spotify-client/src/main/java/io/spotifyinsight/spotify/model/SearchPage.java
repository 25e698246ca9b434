package io.spotifyinsight.spotify.model;

import java.util.List;

/**
 * One page of track search results.
 *
 * @param total how many tracks match in all (Spotify caps how far you can page: offset <= 1000)
 * @param hasNext whether Spotify offers a next page
 */
public record SearchPage(List<Track> items, int limit, int offset, int total, boolean hasNext) {

    public SearchPage {
        items = List.copyOf(items);
        if (limit < 0 || offset < 0 || total < 0) {
            throw new IllegalArgumentException(
                    "limit, offset and total must be >= 0, were "
                            + limit
                            + ", "
                            + offset
                            + ", "
                            + total);
        }
    }
}
