package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.cli.UsageException;
import io.spotifyinsight.persistence.user.Seeds;
import io.spotifyinsight.spotify.SpotifyIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The seed options shared by {@code users add} and {@code users update}, turned into checked {@link
 * Seeds}.
 */
final class SeedOptions {
    final SpotifyIdOption artists =
            new SpotifyIdOption("--artist", SpotifyIds.Kind.ARTIST, "An artist seed");

    final SpotifyIdOption tracks =
            new SpotifyIdOption("--track", SpotifyIds.Kind.TRACK, "A track seed");

    @Option(
            names = "--genre",
            paramLabel = "NAME",
            description =
                    "A genre seed (repeatable), e.g. jazz, hip-hop, r-n-b; checked against"
                            + " Spotify's genre seeds when possible.")
    List<String> genres = new ArrayList<>();

    boolean given() {
        return artists.given() || !genres.isEmpty() || tracks.given();
    }

    /**
     * The seeds as bare ids and lower-case genres; every problem is a usage error that says what is
     * accepted.
     */
    Seeds toSeeds() {
        List<String> problems = new ArrayList<>();
        List<String> artistIds = artists.ids(problems);
        List<String> trackIds = tracks.ids(problems);
        List<String> genreNames =
                genres.stream().map(g -> g.strip().toLowerCase(Locale.ROOT)).toList();
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems));
        }
        try {
            return new Seeds(artistIds, genreNames, trackIds);
        } catch (IllegalArgumentException e) {
            throw new UsageException(
                    e.getMessage() + hint(artistIds.size() + genreNames.size() + trackIds.size()));
        }
    }

    private static String hint(int total) {
        return total == 0 ? "; give at least one --artist, --genre or --track" : "";
    }
}
