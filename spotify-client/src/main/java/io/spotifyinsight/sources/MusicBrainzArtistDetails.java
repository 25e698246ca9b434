package io.spotifyinsight.sources;

import java.util.List;
import java.util.Objects;

/**
 * A MusicBrainz artist looked up by its MBID, with what the fetcher needs of it in one request.
 *
 * @param genres curated genres, most voted first; its tags when it has no genre
 * @param spotifyArtistId the Spotify id of its {@code open.spotify.com/artist} link, null when
 *     MusicBrainz has none
 */
public record MusicBrainzArtistDetails(
        String mbid, String name, List<Tag> genres, String spotifyArtistId) {

    public MusicBrainzArtistDetails {
        Objects.requireNonNull(mbid, "mbid");
        Objects.requireNonNull(name, "name");
        genres = List.copyOf(genres);
    }
}
