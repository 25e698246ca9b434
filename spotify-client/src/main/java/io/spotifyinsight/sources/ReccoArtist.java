package io.spotifyinsight.sources;

import java.util.Objects;

/**
 * A ReccoBeats artist.
 *
 * @param uuid ReccoBeats' own id, needed for {@link ReccoBeatsClient#artistTracks}
 * @param spotifyId bare Spotify id, or null when ReccoBeats gave no Spotify link
 */
public record ReccoArtist(String uuid, String spotifyId, String name) {

    public ReccoArtist {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
    }
}
