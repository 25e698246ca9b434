package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.persistence.user.Seeds;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;

/**
 * {@code users add} and {@code users update}: they take seeds and exclusions, and check genre seeds
 * with Spotify where it can be asked.
 */
abstract class SettingsCommand extends UserCommand {
    @Mixin SeedOptions seeds = new SeedOptions();

    @Mixin ExclusionOptions exclusions = new ExclusionOptions();

    private final Supplier<GenreCheck> genreCheck;

    /**
     * @param genreCheck warns about genres Spotify does not know, when Spotify can be asked
     */
    SettingsCommand(Deps deps, Supplier<GenreCheck> genreCheck) {
        super(deps);
        this.genreCheck = genreCheck;
    }

    /** Refuses genre seeds that Spotify does not know; notes when it could not be asked. */
    void checkGenres(Seeds checked) {
        genreCheck.get().check(checked.genres());
    }
}
