package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.cli.UsageException;
import io.spotifyinsight.persistence.user.Exclusions;
import io.spotifyinsight.spotify.SpotifyIds;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The exclusion options shared by {@code users add} and {@code users update}: artists and tracks an
 * alias never wants recommended. Ids, URIs and links are read by the same rule as the seeds.
 */
final class ExclusionOptions {
    static final String ARTIST_OPTION = "--exclude-artist";
    static final String TRACK_OPTION = "--exclude-track";

    @Option(
            names = ARTIST_OPTION,
            paramLabel = "ID|URI|URL",
            description =
                    "An artist whose tracks are never recommended (repeatable): id,"
                            + " spotify:artist:ID or https://open.spotify.com/artist/ID.")
    List<String> artists = new ArrayList<>();

    @Option(
            names = TRACK_OPTION,
            paramLabel = "ID|URI|URL",
            description =
                    "A track that is never recommended (repeatable): id, spotify:track:ID or"
                            + " https://open.spotify.com/track/ID.")
    List<String> tracks = new ArrayList<>();

    boolean given() {
        return !artists.isEmpty() || !tracks.isEmpty();
    }

    /** The exclusions given, for a new alias. */
    Exclusions toExclusions() {
        return replacing(Exclusions.NONE);
    }

    /**
     * {@code current} with each kind that was given replaced: {@code --exclude-artist} values
     * replace the excluded artists, {@code --exclude-track} values the excluded tracks; a kind not
     * given stays.
     */
    Exclusions replacing(Exclusions current) {
        List<String> problems = new ArrayList<>();
        List<String> artistIds = ids(SpotifyIds.Kind.ARTIST, ARTIST_OPTION, artists, problems);
        List<String> trackIds = ids(SpotifyIds.Kind.TRACK, TRACK_OPTION, tracks, problems);
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems));
        }
        try {
            return new Exclusions(
                    artists.isEmpty() ? current.artists() : artistIds,
                    tracks.isEmpty() ? current.tracks() : trackIds);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static List<String> ids(
            SpotifyIds.Kind kind, String option, List<String> values, List<String> problems) {
        List<String> own = new ArrayList<>();
        List<String> found = SeedOptions.ids(kind, values, own);
        own.forEach(problem -> problems.add(option + ": " + problem));
        return found;
    }
}
