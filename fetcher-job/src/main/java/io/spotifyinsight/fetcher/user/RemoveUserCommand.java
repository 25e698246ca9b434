package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.FetcherEnvironment;
import io.spotifyinsight.fetcher.FetcherEnvironment.Needs;
import io.spotifyinsight.fetcher.cli.StandardCommand;
import io.spotifyinsight.persistence.user.UserRepository;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "remove",
        description =
                "Deletes a user alias with its seeds and every stored list. To keep the history,"
                        + " use `users disable`.")
final class RemoveUserCommand implements Callable<Integer> {
    @Mixin StandardCommand standard;

    private final FetcherEnvironment env;
    private final Supplier<UserRepository> users;
    private final PrintStream out;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    RemoveUserCommand(FetcherEnvironment env, Supplier<UserRepository> users, PrintStream out) {
        this.env = env;
        this.users = users;
        this.out = out;
    }

    @Override
    public Integer call() {
        UserText.username(name);
        env.require(Needs.DATABASE);
        users.get().delete(name);
        out.println("removed " + name + " with its seeds and stored lists");
        return ExitCode.OK;
    }
}
