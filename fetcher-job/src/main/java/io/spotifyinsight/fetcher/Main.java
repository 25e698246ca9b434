package io.spotifyinsight.fetcher;

import io.spotifyinsight.fetcher.cli.ErrorHandler;
import io.spotifyinsight.fetcher.run.RunCommand;
import io.spotifyinsight.fetcher.run.RunsCommand;
import io.spotifyinsight.fetcher.user.UsersCommands;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/**
 * The fetcher's entry point: {@code java -jar fetcher-job.jar [command]}. The object graph is built
 * in {@link Wiring} (on demand, as each command needs it); this class assembles the commands.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        System.exit(code);
    }

    /** Runs one command line and returns its exit code (see {@link ExitCode}); tests call this in-process. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, Clock.systemUTC());
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        try (Wiring wiring = new Wiring(new FetcherEnvironment(env), out, err, clock)) {
            return commandLine(wiring).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(Wiring wiring) {
        RunCommand run = new RunCommand(wiring);
        CommandLine cli = new CommandLine(new RootCommand(run))
                .addSubcommand(new CommandLine(run))
                .addSubcommand(UsersCommands.commandLine(wiring))
                .addSubcommand(new MigrateCommand(wiring))
                .addSubcommand(new RunsCommand(wiring));
        // The help texts are laid out for 120 columns; picocli's default of 80 would break their lines.
        cli.setUsageHelpWidth(120);
        cli.setOut(new PrintWriter(wiring.out(), true));
        cli.setErr(new PrintWriter(wiring.err(), true));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        return cli;
    }
}
