package io.spotifyinsight.fetcher.run;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.FetcherEnvironment;
import io.spotifyinsight.fetcher.FetcherEnvironment.Needs;
import io.spotifyinsight.fetcher.cli.Converters;
import io.spotifyinsight.fetcher.cli.FetcherCommand;
import io.spotifyinsight.fetcher.cli.HelpText;
import io.spotifyinsight.fetcher.cli.TextTable;
import io.spotifyinsight.fetcher.cli.UsageException;
import io.spotifyinsight.persistence.run.FetchRun;
import io.spotifyinsight.persistence.run.FetchRunRepository;
import io.spotifyinsight.persistence.run.ServiceRequests;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runs}: the latest fetch runs, newest first. */
@Command(
        name = "runs",
        description = {
            "Shows the latest fetch runs, newest first.",
            "Columns: date, strategy, status, users ok/failed/total, tracks stored, duration, start"
                    + " time (in APP_TIMEZONE),",
            "requests per service (S Spotify, R ReccoBeats, L Last.fm, M MusicBrainz) and the"
                    + " sources that were unavailable;",
            "below the table, the start of each run's error summary.",
        },
        footerHeading = HelpText.VARIABLES_HEADING,
        footer = {
            "  DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, APP_TIMEZONE (default UTC),"
                    + " LOG_LEVEL"
        })
public final class RunsCommand extends FetcherCommand {
    private static final DateTimeFormatter STARTED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final int ERROR_WIDTH = 100;
    static final String LEGEND =
            "users: ok/failed/total; requests: S Spotify, R ReccoBeats, L Last.fm, M MusicBrainz";

    private final Supplier<FetchRunRepository> runs;

    @Option(
            names = "--limit",
            paramLabel = "N",
            converter = Converters.RunLimit.class,
            defaultValue = "10",
            description = "How many runs to show, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    /**
     * @param runs opened on first use, after the settings are checked
     */
    public RunsCommand(FetcherEnvironment env, Supplier<FetchRunRepository> runs, PrintStream out) {
        super(env, out, Needs.DATABASE, Needs.FETCHER);
        this.runs = runs;
    }

    @Override
    protected void checkArguments() {
        if (limit < 1 || limit > 1000) {
            throw new UsageException("--limit must be 1 to 1000, got " + limit);
        }
    }

    @Override
    protected int execute() {
        ZoneId zone = env().fetcher().timezone();
        List<FetchRun> latest = runs.get().latest(limit);
        if (latest.isEmpty()) {
            out.println("no fetch runs yet");
            return ExitCode.OK;
        }
        TextTable table =
                new TextTable(
                        "ID",
                        "DATE",
                        "STRATEGY",
                        "STATUS",
                        "USERS",
                        "TRACKS",
                        "DURATION",
                        "STARTED",
                        "REQUESTS",
                        "UNAVAILABLE");
        for (FetchRun run : latest) {
            table.row(
                    run.id(),
                    run.logicalDate(),
                    run.strategy(),
                    run.outcome().status().dbValue(),
                    run.outcome().usersSucceeded()
                            + "/"
                            + run.outcome().usersFailed()
                            + "/"
                            + run.usersTotal(),
                    run.outcome().tracksStored(),
                    duration(run.duration()),
                    STARTED.format(run.startedAt().atZoneSameInstant(zone)),
                    run.finishedAt() == null ? "-" : requests(run.outcome().requests()),
                    run.outcome().unavailableSources().isEmpty()
                            ? "-"
                            : String.join(",", run.outcome().unavailableSources()));
        }
        table.print(out);
        out.println(LEGEND);
        for (FetchRun run : latest) {
            if (run.outcome().errorSummary() != null && !run.outcome().errorSummary().isBlank()) {
                out.println(
                        "run " + run.id() + " errors: " + shorten(run.outcome().errorSummary()));
            }
        }
        return ExitCode.OK;
    }

    /** "S12 R30 L8 M2". */
    static String requests(ServiceRequests requests) {
        return "S"
                + requests.spotify()
                + " R"
                + requests.reccobeats()
                + " L"
                + requests.lastfm()
                + " M"
                + requests.musicbrainz();
    }

    static String duration(Duration duration) {
        if (duration == null) {
            return "running";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        return seconds / 3600 > 0
                ? String.format(
                        Locale.ROOT,
                        "%dh%02dm%02ds",
                        seconds / 3600,
                        seconds % 3600 / 60,
                        seconds % 60)
                : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= ERROR_WIDTH
                ? oneLine
                : oneLine.substring(0, ERROR_WIDTH - 3) + "...";
    }
}
