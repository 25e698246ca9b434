package io.spotifyinsight.fetcher;

import io.spotifyinsight.fetcher.cli.HelpText;
import io.spotifyinsight.fetcher.cli.StandardCommand;
import io.spotifyinsight.fetcher.run.RunCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code fetcher-job.jar} without a command does what {@code run} does with no options: tonight's
 * run.
 */
@Command(
        name = "fetcher-job.jar",
        description = {
            "Fetches Spotify track recommendations for every active user alias and stores them in"
                    + " PostgreSQL.",
            "Without a command it runs `run` for today (in APP_TIMEZONE), as the nightly cron job"
                    + " does.",
        },
        synopsisSubcommandLabel = "[COMMAND]",
        footerHeading = HelpText.VARIABLES_HEADING,
        footer = {
            "  see `fetcher-job.jar run --help`; the usual ones: DATABASE_URL, DATABASE_USER,"
                    + " DATABASE_PASSWORD,",
            "  SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET, APP_TIMEZONE, FETCHER_CONCURRENCY,"
                    + " FETCHER_STRATEGY, LOG_LEVEL,",
            "  LOG_FORMAT, NOTIFY_WEBHOOK_URL, FETCHER_METRICS_FILE, FETCHER_PUSHGATEWAY_URL",
        })
final class RootCommand implements Callable<Integer> {
    @Mixin StandardCommand standard;

    private final RunCommand run;

    RootCommand(RunCommand run) {
        this.run = run;
    }

    @Override
    public Integer call() {
        return run.call();
    }
}
