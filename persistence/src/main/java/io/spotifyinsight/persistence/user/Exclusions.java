package io.spotifyinsight.persistence.user;

import io.spotifyinsight.persistence.Printable;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What an alias never wants recommended: tracks by these artists and these tracks (bare Spotify
 * ids, sorted, without repeats). Turning URIs and links into ids is the caller's job.
 */
public record Exclusions(List<String> artists, List<String> tracks) {
    public static final int MAX_PER_KIND = 500;
    public static final Exclusions NONE = new Exclusions(List.of(), List.of());

    public Exclusions {
        artists = checked(artists, "artist");
        tracks = checked(tracks, "track");
    }

    public boolean isEmpty() {
        return artists.isEmpty() && tracks.isEmpty();
    }

    private static List<String> checked(List<String> ids, String kind) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String id : Objects.requireNonNull(ids, kind + " exclusions")) {
            if (id == null || !Seeds.SPOTIFY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(
                        "invalid excluded "
                                + kind
                                + " '"
                                + Printable.of(id)
                                + "': expected a 22-character Spotify id (letters and digits)");
            }
            sorted.add(id);
        }
        if (sorted.size() > MAX_PER_KIND) {
            throw new IllegalArgumentException(
                    "at most "
                            + MAX_PER_KIND
                            + " excluded "
                            + kind
                            + "s per user, got "
                            + sorted.size());
        }
        return List.copyOf(sorted);
    }
}
