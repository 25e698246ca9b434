package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.persistence.user.Seeds;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code users add} and {@code users update}: they take seeds and exclusions, and check genre seeds
 * with Spotify where it can be asked.
 */
abstract class SettingsCommand extends UserCommand {
    @Mixin SeedOptions seeds = new SeedOptions();

    final ExclusionOptions exclusions = new ExclusionOptions();

    private final Supplier<GenreCheck> genreCheck;

    /**
     * @param genreCheck warns about genres Spotify does not know, when Spotify can be asked
     */
    SettingsCommand(Deps deps, Supplier<GenreCheck> genreCheck) {
        super(deps);
        this.genreCheck = genreCheck;
    }

    /**
     * Adds the Spotify id options of the seeds and the exclusions to this command: they are
     * declared in code ({@link SpotifyIdOption}), not annotated. Picocli calls this once, while it
     * builds the command from its annotations.
     */
    @Spec
    void addSpotifyIdOptions(CommandSpec spec) {
        for (SpotifyIdOption option :
                List.of(seeds.artists, seeds.tracks, exclusions.artists, exclusions.tracks)) {
            spec.addOption(option.spec());
        }
    }

    /** Refuses genre seeds that Spotify does not know; notes when it could not be asked. */
    void checkGenres(Seeds checked) {
        genreCheck.get().check(checked.genres());
    }
}
