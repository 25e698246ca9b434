package io.spotifyinsight.sources;

import java.util.Objects;

/**
 * A track known only by name (Last.fm has no Spotify ids); map it with a search.
 *
 * @param artistMbid the artist's MusicBrainz id, null when the source gave none or an empty one
 * @param match similarity 0..1, 0 when the source gave none (e.g. a tag's top tracks)
 */
public record NamedTrack(String title, String artist, String artistMbid, double match) {

    public NamedTrack {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(artist, "artist");
        if (artistMbid != null && artistMbid.isBlank()) {
            artistMbid = null;
        }
    }

    /** A track whose artist came without a MusicBrainz id. */
    public NamedTrack(String title, String artist, double match) {
        this(title, artist, null, match);
    }
}
