package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.persistence.user.Seeds;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code users add} and {@code users update}: they take seeds, exclusions, a market and a track
 * limit, and check genre seeds with Spotify where it can be asked.
 */
abstract class SettingsCommand extends UserCommand {
    @Mixin SeedOptions seeds = new SeedOptions();

    final ExclusionOptions exclusions = new ExclusionOptions();

    final MarketAndLimit marketAndLimit;

    private final Supplier<GenreCheck> genreCheck;

    /**
     * @param marketAndLimit the command's {@code --market} and {@code --limit}, with its help for
     *     them
     * @param genreCheck warns about genres Spotify does not know, when Spotify can be asked
     */
    SettingsCommand(Deps deps, MarketAndLimit marketAndLimit, Supplier<GenreCheck> genreCheck) {
        super(deps);
        this.marketAndLimit = marketAndLimit;
        this.genreCheck = genreCheck;
    }

    /**
     * Adds the options declared in code ({@link SpotifyIdOption}, {@link MarketAndLimit}), not
     * annotated, to this command. Picocli calls this while it builds a {@code CommandLine} from
     * this object's annotations; each command object serves one {@code CommandLine} ({@link
     * UsersCommand} makes new ones for each), so the option values are never shared.
     */
    @Spec
    void addDeclaredOptions(CommandSpec spec) {
        for (SpotifyIdOption option :
                List.of(seeds.artists, seeds.tracks, exclusions.artists, exclusions.tracks)) {
            spec.addOption(option.spec());
        }
        marketAndLimit.specs().forEach(spec::addOption);
    }

    /** Refuses genre seeds that Spotify does not know; notes when it could not be asked. */
    void checkGenres(Seeds checked) {
        genreCheck.get().check(checked.genres());
    }
}
