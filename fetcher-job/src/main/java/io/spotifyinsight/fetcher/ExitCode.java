package io.spotifyinsight.fetcher;

/**
 * The process exit codes, a contract with cron wrappers and monitoring: documented in every
 * command's {@code --help} and in the README.
 */
public final class ExitCode {
    /** Every user's list was stored (or the command did what it was asked). */
    public static final int OK = 0;

    /** The run finished, but some users failed; see the log and {@code runs}. */
    public static final int SOME_FAILED = 1;

    /** Bad arguments or configuration; nothing was done. */
    public static final int USAGE = 2;

    /**
     * As {@code --help} says it ({@link io.spotifyinsight.fetcher.cli.HelpText#EXIT_3}): nothing
     * could run, or the run had to stop: database unreachable or lost, Spotify unreachable (several
     * users in a row failing on timeouts or 5xx) or credentials rejected, no access to the
     * strategy's endpoint, or another run in progress. Decided by {@code RunResult.exitCode()},
     * {@code ErrorHandler} and {@code RunCommand}'s lock check.
     */
    public static final int UNAVAILABLE = 3;

    private ExitCode() {}
}
