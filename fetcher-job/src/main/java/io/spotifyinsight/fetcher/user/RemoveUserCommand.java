package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.cli.UsernameArguments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "remove",
        description =
                "Deletes a user alias with its seeds and every stored list. To keep the history,"
                        + " use `users disable`.")
final class RemoveUserCommand extends UserCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    RemoveUserCommand(Deps deps) {
        super(deps);
    }

    @Override
    protected void checkArguments() {
        UsernameArguments.check(name);
    }

    @Override
    protected int execute() {
        users.get().delete(name);
        out.println("removed " + name + " with its seeds and stored lists");
        return ExitCode.OK;
    }
}
