package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.FetcherEnvironment;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.user.UserRepository;
import io.spotifyinsight.spotify.SpotifyClient;
import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The {@code users} command and its subcommands. */
public final class UsersCommands {
    private UsersCommands() {
    }

    /**
     * @param users opened on first use, after the command has checked the settings it needs
     * @param spotifyForChecks empty without Spotify credentials
     */
    public static CommandLine commandLine(FetcherEnvironment env, Supplier<UserRepository> users,
                                          Supplier<RecommendationRepository> recommendations,
                                          Supplier<Optional<SpotifyClient>> spotifyForChecks, PrintStream out,
                                          PrintStream err) {
        Supplier<GenreCheck> genreCheck = () -> new GenreCheck(spotifyForChecks.get(), err);
        return new CommandLine(new UsersCommand())
                .addSubcommand(new AddUserCommand(env, users, genreCheck, out))
                .addSubcommand(new ListUsersCommand(env, users, out))
                .addSubcommand(new ShowUserCommand(env, users, recommendations, out))
                .addSubcommand(new UpdateUserCommand(env, users, genreCheck, out))
                .addSubcommand(new RemoveUserCommand(env, users, out))
                .addSubcommand(new SetActiveCommand.Disable(env, users, out))
                .addSubcommand(new SetActiveCommand.Enable(env, users, out));
    }
}
