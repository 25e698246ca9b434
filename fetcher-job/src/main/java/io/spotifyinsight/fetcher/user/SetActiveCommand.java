package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.Wiring;
import io.spotifyinsight.fetcher.FetcherEnvironment.Needs;
import io.spotifyinsight.fetcher.cli.HelpText;
import io.spotifyinsight.fetcher.cli.VersionProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code users disable} and {@code users enable}: one behaviour, two names. */
abstract class SetActiveCommand implements Callable<Integer> {
    private final Wiring wiring;
    private final boolean active;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    SetActiveCommand(Wiring wiring, boolean active) {
        this.wiring = wiring;
        this.active = active;
    }

    @Override
    public Integer call() {
        UserText.username(name);
        wiring.env().require(Needs.DATABASE);
        wiring.users().setActive(name, active);
        wiring.out().println(name + (active ? " enabled: included in nightly runs" : " disabled: skipped by nightly runs, history kept"));
        return ExitCode.OK;
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Disables a user alias: nightly runs skip it; its stored lists stay.",
            exitCodeListHeading = HelpText.EXIT_CODES_HEADING,
            exitCodeList = {HelpText.EXIT_0, HelpText.EXIT_1, HelpText.EXIT_2, HelpText.EXIT_3})
    static final class Disable extends SetActiveCommand {
        Disable(Wiring wiring) {
            super(wiring, false);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Enables a disabled user alias again.",
            exitCodeListHeading = HelpText.EXIT_CODES_HEADING,
            exitCodeList = {HelpText.EXIT_0, HelpText.EXIT_1, HelpText.EXIT_2, HelpText.EXIT_3})
    static final class Enable extends SetActiveCommand {
        Enable(Wiring wiring) {
            super(wiring, true);
        }
    }
}
