package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.Wiring;
import io.spotifyinsight.fetcher.cli.StandardCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code users}: only a parent for its subcommands (built by {@link #commandLine}); alone it is a usage error. */
@Command(name = "users",
        description = {
            "Manages user aliases: whose recommendations the nightly run fetches, from which seeds.",
            "Usernames: " + io.spotifyinsight.persistence.user.Usernames.RULE + ".",
            "Only add and update contact Spotify, to check genres, and only when SPOTIFY_CLIENT_ID and",
            "SPOTIFY_CLIENT_SECRET are set; the other subcommands need only the DATABASE_* variables.",
        })
public final class UsersCommand implements Runnable {
    @Mixin
    StandardCommand standard;

    @Spec
    CommandSpec spec;

    private UsersCommand() {
    }

    /** The {@code users} command with its subcommands. */
    public static CommandLine commandLine(Wiring wiring) {
        return new CommandLine(new UsersCommand())
                .addSubcommand(new AddUserCommand(wiring))
                .addSubcommand(new ListUsersCommand(wiring))
                .addSubcommand(new ShowUserCommand(wiring))
                .addSubcommand(new UpdateUserCommand(wiring))
                .addSubcommand(new RemoveUserCommand(wiring))
                .addSubcommand(new SetActiveCommand.Disable(wiring))
                .addSubcommand(new SetActiveCommand.Enable(wiring));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: add, list, show, update, remove, disable or enable");
    }
}
