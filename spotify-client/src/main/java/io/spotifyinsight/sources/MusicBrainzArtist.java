package io.spotifyinsight.sources;

import java.util.Objects;

/** A MusicBrainz artist: its MBID and name. */
public record MusicBrainzArtist(String mbid, String name) {

    public MusicBrainzArtist {
        Objects.requireNonNull(mbid, "mbid");
        Objects.requireNonNull(name, "name");
    }
}
