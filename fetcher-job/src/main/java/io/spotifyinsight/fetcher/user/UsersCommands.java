package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.Wiring;
import picocli.CommandLine;

/** The {@code users} command and its subcommands. */
public final class UsersCommands {
    private UsersCommands() {
    }

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
}
