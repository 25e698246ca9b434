package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.cli.TextTable;
import io.spotifyinsight.persistence.user.UserAlias;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
        name = "list",
        description =
                "Lists every user alias with its state, market, limit, number of exclusions and"
                        + " seeds.")
final class ListUsersCommand extends UserCommand {
    ListUsersCommand(Deps deps) {
        super(deps);
    }

    @Override
    protected int execute() {
        List<UserAlias> all = users.get().list();
        if (all.isEmpty()) {
            out.println("no users yet; add one with `users add NAME --genre jazz`");
            return ExitCode.OK;
        }
        TextTable table =
                new TextTable("USERNAME", "STATE", "MARKET", "LIMIT", "EXCLUDED", "SEEDS");
        for (UserAlias user : all) {
            table.row(
                    user.settings().username(),
                    user.settings().active() ? "active" : "disabled",
                    user.settings().market(),
                    user.settings().trackLimit(),
                    UserText.exclusionCount(user.settings().exclusions()),
                    UserText.seeds(user.settings().seeds()));
        }
        table.print(out);
        return ExitCode.OK;
    }
}
