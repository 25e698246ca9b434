package io.spotifyinsight.fetcher.run;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.fetcher.FetcherConfig;
import io.spotifyinsight.fetcher.FetcherEnvironment;
import io.spotifyinsight.fetcher.FetcherEnvironment.Needs;
import io.spotifyinsight.fetcher.StrategyChoice;
import io.spotifyinsight.fetcher.blend.SourceHealth;
import io.spotifyinsight.fetcher.cli.Converters;
import io.spotifyinsight.fetcher.cli.FetcherCommand;
import io.spotifyinsight.fetcher.cli.HelpText;
import io.spotifyinsight.fetcher.cli.UsageException;
import io.spotifyinsight.fetcher.cli.UsernameArguments;
import io.spotifyinsight.fetcher.engine.DayList;
import io.spotifyinsight.fetcher.engine.FetchJob;
import io.spotifyinsight.fetcher.engine.RunResult;
import io.spotifyinsight.fetcher.engine.UserOutcome;
import io.spotifyinsight.fetcher.report.RunReporter;
import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.persistence.JobLock;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import io.spotifyinsight.persistence.user.UserAlias;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: the nightly job, or a manual run for other dates, some users, or without storing.
 */
@Command(
        name = "run",
        description = {
            "Fetches and stores the day's recommendations of every active user.",
            "The day is the logical date: today in APP_TIMEZONE, or --date. With --user, only the"
                + " named users (disabled ones included). Re-running a date replaces that date's"
                + " lists. One run at a time per database: a second one exits at once with code 3.",
        },
        footerHeading = HelpText.VARIABLES_HEADING,
        footer = {
            "  DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, DATABASE_POOL_SIZE,"
                    + " DATABASE_CONNECTION_TIMEOUT_SECONDS,",
            "  DATABASE_QUERY_TIMEOUT_SECONDS; SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET"
                    + " (required), SPOTIFY_API_URL,",
            "  SPOTIFY_ACCOUNTS_URL, SPOTIFY_MAX_ATTEMPTS (default 5), SPOTIFY_RETRY_BUDGET_SECONDS"
                    + " (default 120; a",
            "  Retry-After at least this long stops the run), SPOTIFY_REQUESTS_PER_SECOND (shared"
                    + " client-side limit,",
            "  default 0 = off), SPOTIFY_TIMEOUT_SECONDS (default 30); APP_TIMEZONE (default UTC);",
            "  FETCHER_CONCURRENCY (1-64, default 4); FETCHER_STRATEGY (auto|spotify|search|blend,"
                    + " default auto);",
            "  FETCHER_SOURCES (reccobeats,lastfm,musicbrainz or none; default all, lastfm only"
                    + " with LASTFM_API_KEY);",
            "  RECCOBEATS_API_URL, LASTFM_API_URL, LASTFM_API_KEY, MUSICBRAINZ_API_URL,"
                    + " MUSICBRAINZ_CONTACT;",
            "  RECCOBEATS_REQUESTS_PER_SECOND and LASTFM_REQUESTS_PER_SECOND (default 2;"
                    + " MusicBrainz: always 1);",
            "  FETCHER_NO_REPEAT_DAYS (0-365, default 14); FETCHER_SPOTIFY_REQUESTS_PER_ALIAS"
                    + " (1-50, default 4);",
            "  FETCHER_MAX_RUN_MINUTES (1-1440, default 120: the run stops then, keeping what it"
                    + " stored);",
            "  LOG_LEVEL (default INFO); LOG_FORMAT (text|json, default text: json is one JSON"
                    + " object per line with",
            "  run_id and alias). Logs go to stderr, the lists of --dry-run and the summary to"
                    + " stdout.",
            "",
            "At the end of a run, and when one cannot start (lock held, database away, a setting"
                    + " invalid), optional:",
            "  NOTIFY_WEBHOOK_URL (a POST; never logged), NOTIFY_ON (failure|always|never, default"
                    + " failure = partial,",
            "  failed or not started), NOTIFY_FORMAT (json|slack|discord|ntfy, default json); 10 s"
                    + " per attempt, 3",
            "  attempts, never changes the exit code. FETCHER_METRICS_FILE (a .prom file for"
                    + " node_exporter's textfile",
            "  collector, replaced atomically), FETCHER_PUSHGATEWAY_URL (pushed as job"
                    + " spotify_insight_fetcher).",
            "  A --dry-run tells neither.",
            "",
            "Strategies: spotify = Spotify's /v1/recommendations (apps with extended quota); search"
                    + " = built from",
            "Spotify search results alone; blend = candidates from Spotify search, ReccoBeats and"
                    + " Last.fm, genres",
            "from Spotify, Last.fm or MusicBrainz, re-ranked by genre affinity (every app); auto ="
                    + " spotify,",
            "switching to blend for the rest of the run when Spotify answers that the app has no"
                    + " access.",
        })
public final class RunCommand extends FetcherCommand {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    private final RunParts parts;
    private final Clock clock;
    private final PrintStream err;

    /** Who hears how this invocation ended; chosen by {@link #call}, none for a dry run. */
    private RunReporter reporters = RunReporter.NONE;

    /** How far ahead --date may go: tomorrow, for a run just before midnight in another zone. */
    static final int MAX_DAYS_AHEAD = 1;

    @Option(
            names = "--date",
            paramLabel = "YYYY-MM-DD",
            converter = Converters.Date.class,
            description =
                    "The date to label the lists with (default: today in APP_TIMEZONE; at most"
                            + " tomorrow).")
    LocalDate date;

    @Option(
            names = "--user",
            paramLabel = "NAME",
            description =
                    "Only this user (repeatable); named users are fetched even when disabled.")
    List<String> usernames = new ArrayList<>();

    @Option(
            names = "--dry-run",
            description = "Fetch and print the lists; store nothing, record no run, take no lock.")
    boolean dryRun;

    @Option(
            names = "--strategy",
            paramLabel = "auto|spotify|search|blend",
            converter = Converters.Strategy.class,
            description = "Overrides FETCHER_STRATEGY for this run.")
    StrategyChoice strategy;

    public RunCommand(
            FetcherEnvironment env, RunParts parts, Clock clock, PrintStream out, PrintStream err) {
        super(env, out, Needs.DATABASE, Needs.SPOTIFY, Needs.FETCHER, Needs.RUN_REPORTS);
        this.parts = parts;
        this.clock = clock;
        this.err = err;
    }

    /**
     * The run, and how it ended told to the configured reporters (notifications, metrics): at its
     * end, or when it cannot start (a setting invalid, the database away, the lock held). A dry run
     * reports nothing. Reporting never changes the exit code.
     */
    @Override
    public Integer call() {
        reporters = dryRun ? RunReporter.NONE : parts.runReporters();
        try {
            return super.call();
        } catch (RuntimeException e) {
            reporters.report(
                    RunReports.notStarted(
                            env(),
                            clock,
                            date,
                            strategy,
                            e.getMessage() == null ? e.toString() : e.getMessage()));
            throw e;
        }
    }

    /** Fetches and stores the day's lists, under the lock, unless it is a dry run. */
    @Override
    protected int execute() {
        usernames.forEach(name -> UsernameArguments.check(name, "--user"));
        FetcherConfig config = env().fetcher();
        StrategyChoice choice = strategy != null ? strategy : config.strategy();
        LocalDate today = LocalDate.now(clock.withZone(config.timezone()));
        if (date != null && date.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            // a list dated in the future would be everyone's date=latest until that day comes
            throw new UsageException(
                    "--date "
                            + date
                            + " is more than "
                            + MAX_DAYS_AHEAD
                            + " day after today ("
                            + today
                            + " in APP_TIMEZONE "
                            + config.timezone()
                            + "); accepted: any date up to "
                            + today.plusDays(MAX_DAYS_AHEAD));
        }
        LocalDate day = date != null ? date : today;
        // a connection per worker, plus the lock's and the run row's
        Database database = parts.database(config.concurrency() + 2, true);
        Optional<JobLock> lock =
                dryRun ? Optional.empty() : JobLock.tryAcquire(database.dataSource());
        if (!dryRun && lock.isEmpty()) {
            err.println("another fetch run is in progress (lock held); exiting");
            reporters.report(
                    RunReports.notStarted(
                            env(),
                            clock,
                            day,
                            choice,
                            "another fetch run is in progress (lock held)"));
            return ExitCode.UNAVAILABLE;
        }
        try {
            List<UserAlias> users = usersToFetch();
            log.info(
                    "{}run for {}: {} users, strategy {}, concurrency {}",
                    dryRun ? "dry " : "",
                    day,
                    users.size(),
                    choice.value(),
                    config.concurrency());
            FetchJob.Plan plan =
                    new FetchJob.Plan(day, choice.value(), users, dryRun, lock.orElse(null));
            SourceHealth health = parts.sourceHealth();
            // a signal's report (from the shutdown hook) and the end's report are the same run's:
            // tell one
            AtomicBoolean told = new AtomicBoolean();
            Consumer<RunResult> tell =
                    ended -> {
                        if (told.compareAndSet(false, true)) {
                            reporters.report(
                                    RunReports.finished(
                                            parts.trafficByService(),
                                            clock,
                                            ended,
                                            choice,
                                            health));
                        }
                    };
            RunResult result =
                    parts.fetchJob()
                            .run(
                                    plan,
                                    parts.strategy(choice, health),
                                    parts.telemetry(health),
                                    parts.progress(),
                                    this::print,
                                    tell);
            report(result, choice);
            tell.accept(result);
            return result.exitCode();
        } finally {
            lock.ifPresent(JobLock::close);
        }
    }

    private List<UserAlias> usersToFetch() {
        if (usernames.isEmpty()) {
            return parts.users().listActive();
        }
        Set<String> wanted = new LinkedHashSet<>(usernames);
        List<UserAlias> found = parts.users().findAll(wanted);
        Set<String> known =
                found.stream().map(u -> u.settings().username()).collect(Collectors.toSet());
        List<String> unknown = wanted.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new UsageException(
                    "no user named " + String.join(", ", unknown) + " (see `users list`)");
        }
        return found;
    }

    /** One dry-run list, printed whole so that concurrent users do not interleave. */
    private void print(UserAlias user, LocalDate day, DayList list) {
        StringBuilder text = new StringBuilder();
        text.append(user.settings().username())
                .append(" — ")
                .append(day)
                .append(" — ")
                .append(list.tracks().size())
                .append(" tracks (")
                .append(list.strategy().dbValue())
                .append(")\n");
        if (!list.missingSources().isEmpty()) {
            text.append("      without ")
                    .append(String.join(", ", list.missingSources()))
                    .append(" (unavailable)\n");
        }
        int position = 1;
        for (RecommendedTrack recommended : list.tracks()) {
            TrackInfo track = recommended.track();
            String album =
                    track.album() == null
                            ? ""
                            : " · "
                                    + track.album().name()
                                    + (track.album().releaseDate() == null
                                            ? ""
                                            : " (" + track.album().releaseDate() + ")");
            text.append(
                    String.format(
                            Locale.ROOT,
                            "%4d. %s · %s%s · %s%n      %s: %s%n",
                            position++,
                            track.name(),
                            track.artists().stream()
                                    .map(ArtistInfo::name)
                                    .collect(Collectors.joining(", ")),
                            album,
                            track.url(),
                            recommended.source().dbValue(),
                            recommended.reason()));
        }
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }

    private void report(RunResult result, StrategyChoice choice) {
        String strategies =
                result.strategiesUsed().isEmpty()
                        ? ""
                        : " via "
                                + result.strategiesUsed().stream()
                                        .map(Strategy::dbValue)
                                        .sorted()
                                        .collect(Collectors.joining("+"));
        out.printf(
                Locale.ROOT,
                "%s for %s (strategy %s%s): %d of %d users %s, %d failed, %d tracks, %.1f s%n",
                result.runId() == null ? "dry run" : "run " + result.runId(),
                result.date(),
                choice.value(),
                strategies,
                result.usersSucceeded(),
                result.usersTotal(),
                result.runId() == null ? "fetched" : "stored",
                result.usersFailed(),
                result.tracksStored(),
                result.elapsed().toMillis() / 1000.0);
        out.println("spotify: " + parts.traffic());
        parts.sourceTraffic().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.println(e.getKey().configName() + ": " + e.getValue()));
        if (result.stopReason() != null) {
            out.println("stopped early: " + result.stopReason());
        }
        for (UserOutcome failure : result.failures()) {
            if (result.stopReason() == null || !failure.notFetched()) {
                out.println("failed: " + failure.username() + ": " + failure.error());
            }
        }
        out.flush();
    }
}
