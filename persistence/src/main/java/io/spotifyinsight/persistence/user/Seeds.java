package io.spotifyinsight.persistence.user;

import io.spotifyinsight.persistence.Printable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user's seeds: Spotify artist ids, genre names and track ids, 1 to 5 in total (Spotify's own
 * limit for recommendations), without repeats. Ids here are bare 22-character ids; turning URIs and
 * links into ids is the caller's job.
 */
public record Seeds(List<String> artists, List<String> genres, List<String> tracks) {
    public static final int MAX_SEEDS = 5;
    public static final Pattern SPOTIFY_ID = Pattern.compile("^[0-9A-Za-z]{22}$");

    /**
     * Spotify's seed genres are lower-case and hyphenated (hip-hop, r-n-b); we also allow spaces
     * and '&'.
     */
    public static final Pattern GENRE = Pattern.compile("^[a-z0-9][a-z0-9 &'-]{0,49}$");

    public Seeds {
        artists = List.copyOf(Objects.requireNonNull(artists, "artists"));
        genres = List.copyOf(Objects.requireNonNull(genres, "genres"));
        tracks = List.copyOf(Objects.requireNonNull(tracks, "tracks"));
        int total = artists.size() + genres.size() + tracks.size();
        if (total < 1 || total > MAX_SEEDS) {
            throw new IllegalArgumentException(
                    "a user needs 1 to "
                            + MAX_SEEDS
                            + " seeds in total (artists + genres + tracks), got "
                            + total);
        }
        checkAll(artists, SPOTIFY_ID, "artist", "a 22-character Spotify id (letters and digits)");
        checkAll(tracks, SPOTIFY_ID, "track", "a 22-character Spotify id (letters and digits)");
        checkAll(genres, GENRE, "genre", "a lower-case genre name such as hip-hop or r-n-b");
    }

    public int total() {
        return artists.size() + genres.size() + tracks.size();
    }

    private static void checkAll(
            List<String> values, Pattern pattern, String kind, String accepted) {
        var seen = new HashSet<String>();
        for (String value : values) {
            if (value == null || !pattern.matcher(value).matches()) {
                throw new IllegalArgumentException(
                        "invalid "
                                + kind
                                + " seed '"
                                + Printable.of(value)
                                + "': expected "
                                + accepted);
            }
            if (!seen.add(value)) {
                throw new IllegalArgumentException(kind + " seed '" + value + "' is given twice");
            }
        }
    }
}
