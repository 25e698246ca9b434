package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.cli.UsageException;
import io.spotifyinsight.fetcher.cli.UsernameArguments;
import io.spotifyinsight.persistence.ConstraintViolationException;
import io.spotifyinsight.persistence.user.Seeds;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.persistence.user.UserSettings;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "add",
        description = {
            "Adds a user alias with 1 to 5 seeds in total (artists + genres + tracks), and"
                    + " optionally artists and",
            "tracks never to recommend (--exclude-artist, --exclude-track; none may also be a"
                    + " seed).",
            "Example: users add alice --artist spotify:artist:4NHQUGzhtTLFvgF5SZesLK --genre jazz"
                    + " --market SE --limit 30",
            "         --exclude-track https://open.spotify.com/track/0c6xIDDpzE81m2q797ordA",
        })
final class AddUserCommand extends SettingsCommand {

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description =
                    "The username: " + io.spotifyinsight.persistence.user.Usernames.RULE + ".")
    String name;

    @Option(
            names = "--disabled",
            description = "Add the user disabled (skipped by nightly runs until `users enable`).")
    boolean disabled;

    AddUserCommand(Deps deps, Supplier<GenreCheck> genreCheck) {
        super(deps, MarketAndLimit.forNewAlias(), genreCheck);
    }

    @Override
    protected int execute() {
        Seeds checked = seeds.toSeeds();
        UserSettings settings =
                UserText.settings(
                        UsernameArguments.check(name),
                        !disabled,
                        UserText.market(marketAndLimit.market()),
                        marketAndLimit.limit(),
                        checked,
                        exclusions.toExclusions());
        checkGenres(checked);
        UserAlias user;
        try {
            user = users.get().create(settings);
        } catch (ConstraintViolationException e) {
            if ("app_user_username_uk".equals(e.constraint())) {
                throw new UsageException(
                        "a user named '"
                                + name
                                + "' already exists; change it with `users update "
                                + name
                                + "`");
            }
            throw e;
        }
        out.println("added " + UserText.summary(user));
        return ExitCode.OK;
    }
}
