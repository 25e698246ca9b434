package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.FetcherEnvironment;
import io.spotifyinsight.fetcher.FetcherEnvironment.Needs;
import io.spotifyinsight.fetcher.cli.StandardCommand;
import io.spotifyinsight.fetcher.cli.TextTable;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.persistence.user.UserRepository;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "list",
        description =
                "Lists every user alias with its state, market, limit, number of exclusions and"
                        + " seeds.")
final class ListUsersCommand implements Callable<Integer> {
    @Mixin StandardCommand standard;

    private final FetcherEnvironment env;
    private final Supplier<UserRepository> users;
    private final PrintStream out;

    ListUsersCommand(FetcherEnvironment env, Supplier<UserRepository> users, PrintStream out) {
        this.env = env;
        this.users = users;
        this.out = out;
    }

    @Override
    public Integer call() {
        env.require(Needs.DATABASE);
        List<UserAlias> all = users.get().list();
        if (all.isEmpty()) {
            out.println("no users yet; add one with `users add NAME --genre jazz`");
            return ExitCode.OK;
        }
        TextTable table =
                new TextTable("USERNAME", "STATE", "MARKET", "LIMIT", "EXCLUDED", "SEEDS");
        for (UserAlias user : all) {
            table.row(
                    user.username(),
                    user.active() ? "active" : "disabled",
                    user.market(),
                    user.trackLimit(),
                    UserText.exclusionCount(user.exclusions()),
                    UserText.seeds(user.seeds()));
        }
        table.print(out);
        return ExitCode.OK;
    }
}
