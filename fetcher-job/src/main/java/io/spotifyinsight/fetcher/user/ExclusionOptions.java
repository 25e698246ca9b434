package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.cli.UsageException;
import io.spotifyinsight.persistence.user.Exclusions;
import io.spotifyinsight.spotify.SpotifyIds;
import java.util.ArrayList;
import java.util.List;

/**
 * The exclusion options shared by {@code users add} and {@code users update}: artists and tracks an
 * alias never wants recommended. Ids, URIs and links are read by the same rule as the seeds.
 */
final class ExclusionOptions {
    final SpotifyIdOption artists =
            new SpotifyIdOption(
                    "--exclude-artist",
                    SpotifyIds.Kind.ARTIST,
                    "An artist whose tracks are never recommended");

    final SpotifyIdOption tracks =
            new SpotifyIdOption(
                    "--exclude-track", SpotifyIds.Kind.TRACK, "A track that is never recommended");

    boolean given() {
        return artists.given() || tracks.given();
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
        List<String> artistIds = ids(artists, problems);
        List<String> trackIds = ids(tracks, problems);
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems));
        }
        try {
            return new Exclusions(
                    artists.given() ? artistIds : current.artists(),
                    tracks.given() ? trackIds : current.tracks());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The option's ids; each problem goes to {@code problems} with the option's name before it. */
    private static List<String> ids(SpotifyIdOption option, List<String> problems) {
        List<String> own = new ArrayList<>();
        List<String> found = option.ids(own);
        own.forEach(problem -> problems.add(option.name() + ": " + problem));
        return found;
    }
}
