package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.Wiring;
import io.spotifyinsight.fetcher.FetcherEnvironment.Needs;
import io.spotifyinsight.fetcher.cli.HelpText;
import io.spotifyinsight.fetcher.cli.VersionProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "remove",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Deletes a user alias with its seeds and every stored list. To keep the history, use `users disable`.",
        exitCodeListHeading = HelpText.EXIT_CODES_HEADING,
        exitCodeList = {HelpText.EXIT_0, HelpText.EXIT_1, HelpText.EXIT_2, HelpText.EXIT_3})
final class RemoveUserCommand implements Callable<Integer> {
    private final Wiring wiring;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    RemoveUserCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        UserText.username(name);
        wiring.env().require(Needs.DATABASE);
        wiring.users().delete(name);
        wiring.out().println("removed " + name + " with its seeds and stored lists");
        return ExitCode.OK;
    }
}
