package io.spotifyinsight.fetcher.cli;

import io.spotifyinsight.fetcher.FetcherEnvironment;
import io.spotifyinsight.fetcher.FetcherEnvironment.Needs;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * The order every fetcher command runs in: first what the command line alone can refuse ({@link
 * #checkArguments}, so that a typo needs no settings), then the settings it {@link Needs} (every
 * bad variable reported at once), then its own work ({@link #execute}). What any step throws
 * becomes an exit code and an "error: ..." line in {@link ErrorHandler}, so a command only throws.
 */
public abstract class FetcherCommand implements Callable<Integer> {
    @Mixin StandardCommand standard;

    private final FetcherEnvironment env;
    private final Needs[] needs;

    /** Where the command prints its result. */
    protected final PrintStream out;

    protected FetcherCommand(FetcherEnvironment env, PrintStream out, Needs... needs) {
        this.env = env;
        this.out = out;
        this.needs = needs.clone();
    }

    @Override
    public Integer call() {
        checkArguments();
        env.require(needs);
        return execute();
    }

    /** Refuses, with a {@link UsageException}, what is wrong whatever the settings. */
    protected void checkArguments() {}

    /**
     * The command's work, its settings read.
     *
     * @return the exit code of a normal end (see {@code ExitCode})
     */
    protected abstract int execute();

    /** The settings, for a command that reads more than it needed checked. */
    protected final FetcherEnvironment env() {
        return env;
    }
}
