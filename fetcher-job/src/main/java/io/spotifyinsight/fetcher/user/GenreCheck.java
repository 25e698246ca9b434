package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.cli.UsageException;
import io.spotifyinsight.spotify.SpotifyClient;
import io.spotifyinsight.spotify.error.SpotifyCredentialsException;
import io.spotifyinsight.spotify.error.SpotifyException;
import io.spotifyinsight.spotify.error.SpotifyFeatureUnavailableException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks genre seeds against Spotify's list where that list can be had. It cannot be for
 * development-mode apps (the endpoint went with recommendations in November 2024) or without
 * credentials; then the check is skipped with a note, because the search strategy uses genres as
 * free search filters anyway.
 */
final class GenreCheck {
    private final Optional<SpotifyClient> spotify;
    private final PrintStream notes;

    GenreCheck(Optional<SpotifyClient> spotify, PrintStream notes) {
        this.spotify = spotify;
        this.notes = notes;
    }

    void check(List<String> genres) {
        if (genres.isEmpty()) {
            return;
        }
        if (spotify.isEmpty()) {
            notes.println(
                    "note: genres not checked against Spotify's genre seeds: "
                            + "SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET are not set");
            return;
        }
        List<String> known;
        try {
            known = spotify.get().availableGenreSeeds();
        } catch (SpotifyFeatureUnavailableException e) {
            notes.println(
                    "note: genre check skipped: this Spotify app has no access to the genre-seed"
                            + " list (development mode); the search strategy uses genres as search"
                            + " filters");
            return;
        } catch (SpotifyCredentialsException e) {
            notes.println("note: genre check skipped: " + e.getMessage());
            return;
        } catch (SpotifyException e) {
            notes.println(
                    "note: genre check skipped: could not get Spotify's genre seeds: "
                            + e.getMessage());
            return;
        }
        Set<String> seeds = new HashSet<>(known);
        List<String> problems = new ArrayList<>();
        for (String genre : genres) {
            if (!seeds.contains(genre)) {
                List<String> close =
                        known.stream()
                                .filter(
                                        k ->
                                                k.contains(genre)
                                                        || genre.contains(k)
                                                        || k.startsWith(
                                                                genre.substring(
                                                                        0,
                                                                        Math.min(
                                                                                3,
                                                                                genre.length()))))
                                .limit(8)
                                .toList();
                problems.add(
                        "'"
                                + genre
                                + "' is not one of Spotify's "
                                + known.size()
                                + " genre seeds"
                                + (close.isEmpty()
                                        ? ""
                                        : "; did you mean " + String.join(", ", close) + "?"));
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems));
        }
    }
}
