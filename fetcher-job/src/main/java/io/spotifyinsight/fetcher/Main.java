package io.spotifyinsight.fetcher;

import io.spotifyinsight.fetcher.cli.ErrorHandler;
import io.spotifyinsight.fetcher.run.RunCommand;
import io.spotifyinsight.fetcher.run.RunsCommand;
import io.spotifyinsight.fetcher.user.UsersCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/**
 * The fetcher's entry point: {@code java -jar fetcher-job.jar [command]}. The environment is read
 * in {@link FetcherEnvironment}, the object graph built in {@link Wiring} (on demand, as each
 * command needs it); this class hands each command the parts it uses.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        System.exit(code);
    }

    /**
     * Runs one command line and returns its exit code (see {@link ExitCode}); tests call this
     * in-process.
     */
    public static int run(
            String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, Clock.systemUTC());
    }

    public static int run(
            String[] args, Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        FetcherEnvironment settings = new FetcherEnvironment(env);
        try (Wiring wiring = new Wiring(settings, err, clock)) {
            return commandLine(settings, wiring, out, err, clock).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The commands, each given what it uses; the suppliers open the database on first use. */
    static CommandLine commandLine(
            FetcherEnvironment env, Wiring wiring, PrintStream out, PrintStream err, Clock clock) {
        RunCommand run = new RunCommand(env, wiring, clock, out, err);
        CommandLine cli =
                new CommandLine(new RootCommand(run))
                        .addSubcommand(new CommandLine(run))
                        .addSubcommand(
                                UsersCommand.commandLine(
                                        env,
                                        wiring::users,
                                        wiring::recommendations,
                                        wiring::spotifyForChecks,
                                        out,
                                        err))
                        .addSubcommand(
                                new MigrateCommand(
                                        env, () -> wiring.database(0, false), wiring::migrate, out))
                        .addSubcommand(new RunsCommand(env, wiring::runs, out));
        // The help texts are laid out for 120 columns; picocli's default of 80 would break their
        // lines.
        cli.setUsageHelpWidth(120);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli;
    }
}
