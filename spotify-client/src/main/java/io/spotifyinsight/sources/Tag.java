package io.spotifyinsight.sources;

import java.util.Locale;
import java.util.Objects;

/**
 * A genre or tag with its weight. The name is trimmed and lower-cased so that tags from different
 * sources compare equal ("Trip Hop" and "trip hop").
 *
 * @param count relative weight as the source gives it (Last.fm 0..100, MusicBrainz votes)
 */
public record Tag(String name, int count) {

    public Tag {
        Objects.requireNonNull(name, "name");
        name = name.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a tag name must not be blank");
        }
    }
}
