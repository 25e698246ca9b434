package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.FetcherEnvironment;
import io.spotifyinsight.fetcher.cli.StandardCommand;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.user.UserRepository;
import io.spotifyinsight.spotify.SpotifyClient;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code users}: only a parent for its subcommands (built by {@link #commandLine}); alone it is a
 * usage error.
 */
@Command(
        name = "users",
        description = {
            "Manages user aliases: whose recommendations the nightly run fetches, from which"
                    + " seeds.",
            "Usernames: " + io.spotifyinsight.persistence.user.Usernames.RULE + ".",
            "Only add and update contact Spotify, to check genres, and only when SPOTIFY_CLIENT_ID"
                    + " and",
            "SPOTIFY_CLIENT_SECRET are set; the other subcommands need only the DATABASE_*"
                    + " variables.",
        })
public final class UsersCommand implements Runnable {
    @Mixin StandardCommand standard;

    @Spec CommandSpec spec;

    private UsersCommand() {}

    /**
     * The {@code users} command with its subcommands.
     *
     * @param users opened on first use, after the command has checked the settings it needs
     * @param spotifyForChecks empty without Spotify credentials
     */
    public static CommandLine commandLine(
            FetcherEnvironment env,
            Supplier<UserRepository> users,
            Supplier<RecommendationRepository> recommendations,
            Supplier<Optional<SpotifyClient>> spotifyForChecks,
            PrintStream out,
            PrintStream err) {
        Supplier<GenreCheck> genreCheck = () -> new GenreCheck(spotifyForChecks.get(), err);
        UserCommand.Deps deps = new UserCommand.Deps(env, users, out);
        return new CommandLine(new UsersCommand())
                .addSubcommand(new AddUserCommand(deps, genreCheck))
                .addSubcommand(new ListUsersCommand(deps))
                .addSubcommand(new ShowUserCommand(deps, recommendations))
                .addSubcommand(new UpdateUserCommand(deps, genreCheck))
                .addSubcommand(new RemoveUserCommand(deps))
                .addSubcommand(new SetActiveCommand.Disable(deps))
                .addSubcommand(new SetActiveCommand.Enable(deps));
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing subcommand: add, list, show, update, remove, disable or enable");
    }
}
