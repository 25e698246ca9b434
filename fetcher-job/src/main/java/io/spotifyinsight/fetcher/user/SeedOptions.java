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
    @Option(
            names = "--artist",
            paramLabel = "ID|URI|URL",
            description =
                    "An artist seed (repeatable): a 22-character id, spotify:artist:ID or"
                            + " https://open.spotify.com/artist/ID.")
    List<String> artists = new ArrayList<>();

    @Option(
            names = "--genre",
            paramLabel = "NAME",
            description =
                    "A genre seed (repeatable), e.g. jazz, hip-hop, r-n-b; checked against"
                            + " Spotify's genre seeds when possible.")
    List<String> genres = new ArrayList<>();

    @Option(
            names = "--track",
            paramLabel = "ID|URI|URL",
            description =
                    "A track seed (repeatable): id, spotify:track:ID or"
                            + " https://open.spotify.com/track/ID.")
    List<String> tracks = new ArrayList<>();

    boolean given() {
        return !artists.isEmpty() || !genres.isEmpty() || !tracks.isEmpty();
    }

    /**
     * The seeds as bare ids and lower-case genres; every problem is a usage error that says what is
     * accepted.
     */
    Seeds toSeeds() {
        List<String> problems = new ArrayList<>();
        List<String> artistIds = ids(SpotifyIds.Kind.ARTIST, artists, problems);
        List<String> trackIds = ids(SpotifyIds.Kind.TRACK, tracks, problems);
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

    /**
     * The bare ids of {@code values} (ids, URIs or links of {@code kind}); each one that cannot be
     * read adds its message, which names the accepted forms, to {@code problems}.
     */
    static List<String> ids(SpotifyIds.Kind kind, List<String> values, List<String> problems) {
        List<String> ids = new ArrayList<>();
        for (String value : values) {
            try {
                ids.add(SpotifyIds.parse(kind, value));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return ids;
    }
}
