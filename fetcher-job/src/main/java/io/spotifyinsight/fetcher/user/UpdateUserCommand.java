package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.cli.UsageException;
import io.spotifyinsight.fetcher.cli.UsernameArguments;
import io.spotifyinsight.persistence.user.Exclusions;
import io.spotifyinsight.persistence.user.Seeds;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.persistence.user.UserNotFoundException;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "update",
        description = {
            "Changes a user alias. Seeds given replace all of the user's seeds; without seed"
                    + " options they stay.",
            "--exclude-artist values replace the excluded artists and --exclude-track values the"
                    + " excluded tracks;",
            "a kind not given stays, and --no-excludes removes both.",
            "Example: users update alice --genre soul --genre funk --limit 50 --exclude-artist"
                    + " 0OdUWJ0sBjDrqHygGUXeCF",
        })
final class UpdateUserCommand extends SettingsCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The user to change.")
    String name;

    @Option(names = "--no-excludes", description = "Remove every excluded artist and track.")
    boolean noExcludes;

    @Option(names = "--no-market", description = "Remove the market.")
    boolean noMarket;

    UpdateUserCommand(Deps deps, Supplier<GenreCheck> genreCheck) {
        super(deps, MarketAndLimit.forUpdate(), genreCheck);
    }

    @Override
    protected void checkArguments() {
        UsernameArguments.check(name);
        String market = marketAndLimit.market();
        Integer limit = marketAndLimit.limit();
        if (!seeds.given()
                && !exclusions.given()
                && !noExcludes
                && market == null
                && !noMarket
                && limit == null) {
            throw new UsageException(
                    "nothing to change: give --artist, --genre, --track, --exclude-artist,"
                            + " --exclude-track, --no-excludes, --market, --no-market or --limit");
        }
        if (market != null && noMarket) {
            throw new UsageException("--market and --no-market exclude each other");
        }
        if (noExcludes && exclusions.given()) {
            throw new UsageException(
                    "--no-excludes and --exclude-artist/--exclude-track exclude each other:"
                            + " give the new exclusions alone to replace the old ones");
        }
    }

    @Override
    protected int execute() {
        Seeds newSeeds = seeds.given() ? seeds.toSeeds() : null;
        String market = marketAndLimit.market();
        Integer limit = marketAndLimit.limit();
        UserAlias current =
                users.get().find(name).orElseThrow(() -> new UserNotFoundException(name));
        var changed =
                UserText.settings(
                        name,
                        current.settings().active(),
                        noMarket
                                ? null
                                : market != null
                                        ? UserText.market(market)
                                        : current.settings().market(),
                        limit != null ? limit : current.settings().trackLimit(),
                        newSeeds != null ? newSeeds : current.settings().seeds(),
                        noExcludes
                                ? Exclusions.NONE
                                : exclusions.replacing(current.settings().exclusions()));
        if (newSeeds != null) {
            checkGenres(newSeeds);
        }
        UserAlias updated = users.get().update(name, changed);
        out.println("updated " + UserText.summary(updated));
        return ExitCode.OK;
    }
}
