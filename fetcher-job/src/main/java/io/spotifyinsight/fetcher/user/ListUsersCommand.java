package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.Wiring;
import io.spotifyinsight.fetcher.Wiring.Needs;
import io.spotifyinsight.fetcher.cli.StandardCommand;
import io.spotifyinsight.fetcher.cli.TextTable;
import io.spotifyinsight.persistence.user.UserAlias;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list",
        description = "Lists every user alias with its state, market, limit, number of exclusions and seeds.")
final class ListUsersCommand implements Callable<Integer> {
    @Mixin
    StandardCommand standard;

    private final Wiring wiring;

    ListUsersCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        wiring.require(Needs.DATABASE);
        List<UserAlias> users = wiring.users().list();
        if (users.isEmpty()) {
            wiring.out().println("no users yet; add one with `users add NAME --genre jazz`");
            return ExitCode.OK;
        }
        TextTable table = new TextTable("USERNAME", "STATE", "MARKET", "LIMIT", "EXCLUDED", "SEEDS");
        for (UserAlias user : users) {
            table.row(user.username(), user.active() ? "active" : "disabled", user.market(), user.trackLimit(),
                    UserText.exclusionCount(user.exclusions()), UserText.seeds(user.seeds()));
        }
        table.print(wiring.out());
        return ExitCode.OK;
    }
}
