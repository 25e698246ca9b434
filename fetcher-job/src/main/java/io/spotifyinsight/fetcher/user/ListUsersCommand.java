package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.Wiring;
import io.spotifyinsight.fetcher.FetcherEnvironment.Needs;
import io.spotifyinsight.fetcher.cli.HelpText;
import io.spotifyinsight.fetcher.cli.TextTable;
import io.spotifyinsight.fetcher.cli.VersionProvider;
import io.spotifyinsight.persistence.user.UserAlias;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists every user alias with its state, market, limit, number of exclusions and seeds.",
        exitCodeListHeading = HelpText.EXIT_CODES_HEADING,
        exitCodeList = {HelpText.EXIT_0, HelpText.EXIT_1, HelpText.EXIT_2, HelpText.EXIT_3})
final class ListUsersCommand implements Callable<Integer> {
    private final Wiring wiring;

    ListUsersCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        wiring.env().require(Needs.DATABASE);
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
