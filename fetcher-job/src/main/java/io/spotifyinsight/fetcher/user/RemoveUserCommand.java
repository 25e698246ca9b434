package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.Wiring;
import io.spotifyinsight.fetcher.Wiring.Needs;
import io.spotifyinsight.fetcher.cli.StandardCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "remove",
        description = "Deletes a user alias with its seeds and every stored list. To keep the history, use `users disable`.")
final class RemoveUserCommand implements Callable<Integer> {
    @Mixin
    StandardCommand standard;

    private final Wiring wiring;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    RemoveUserCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        UserText.username(name);
        wiring.require(Needs.DATABASE);
        wiring.users().delete(name);
        wiring.out().println("removed " + name + " with its seeds and stored lists");
        return ExitCode.OK;
    }
}
