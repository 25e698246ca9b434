package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.cli.UsernameArguments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code users disable} and {@code users enable}: one behaviour, two names. */
abstract class SetActiveCommand extends UserCommand {
    private final boolean active;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    SetActiveCommand(Deps deps, boolean active) {
        super(deps);
        this.active = active;
    }

    @Override
    protected void checkArguments() {
        UsernameArguments.check(name);
    }

    @Override
    protected int execute() {
        users.get().setActive(name, active);
        out.println(
                name
                        + (active
                                ? " enabled: included in nightly runs"
                                : " disabled: skipped by nightly runs, history kept"));
        return ExitCode.OK;
    }

    @Command(
            name = "disable",
            description = "Disables a user alias: nightly runs skip it; its stored lists stay.")
    static final class Disable extends SetActiveCommand {
        Disable(Deps deps) {
            super(deps, false);
        }
    }

    @Command(name = "enable", description = "Enables a disabled user alias again.")
    static final class Enable extends SetActiveCommand {
        Enable(Deps deps) {
            super(deps, true);
        }
    }
}
