package io.spotifyinsight.fetcher;

import io.spotifyinsight.config.ConfigException;
import io.spotifyinsight.fetcher.blend.BlendStrategy;
import io.spotifyinsight.fetcher.blend.RunSources;
import io.spotifyinsight.fetcher.blend.SeedResolver;
import io.spotifyinsight.fetcher.blend.SourceHealth;
import io.spotifyinsight.fetcher.engine.FetchJob;
import io.spotifyinsight.fetcher.engine.LogProgress;
import io.spotifyinsight.fetcher.engine.Progress;
import io.spotifyinsight.fetcher.engine.RecommendationStrategy;
import io.spotifyinsight.fetcher.engine.RunTelemetry;
import io.spotifyinsight.fetcher.engine.ServiceTraffic;
import io.spotifyinsight.fetcher.engine.TerminalProgress;
import io.spotifyinsight.fetcher.metrics.JobMetricsConfig;
import io.spotifyinsight.fetcher.metrics.JobMetricsReporter;
import io.spotifyinsight.fetcher.metrics.PushgatewayClient;
import io.spotifyinsight.fetcher.notify.NotifyConfig;
import io.spotifyinsight.fetcher.notify.WebhookNotifier;
import io.spotifyinsight.fetcher.report.RunReport;
import io.spotifyinsight.fetcher.report.RunReporter;
import io.spotifyinsight.fetcher.run.RunParts;
import io.spotifyinsight.fetcher.strategy.AutoStrategy;
import io.spotifyinsight.fetcher.strategy.SearchRecommendations;
import io.spotifyinsight.fetcher.strategy.SpotifyRecommendations;
import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.persistence.DatabaseConfig;
import io.spotifyinsight.persistence.DatabaseUnavailableException;
import io.spotifyinsight.persistence.Migrations;
import io.spotifyinsight.persistence.knowledge.SeedKnowledgeRepository;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.run.FetchRunRepository;
import io.spotifyinsight.persistence.run.ServiceRequests;
import io.spotifyinsight.persistence.user.UserRepository;
import io.spotifyinsight.sources.LastFmClient;
import io.spotifyinsight.sources.MusicBrainzClient;
import io.spotifyinsight.sources.ReccoBeatsClient;
import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.spotify.SearchRequest;
import io.spotifyinsight.spotify.SpotifyClient;
import io.spotifyinsight.spotify.SpotifyConfig;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.flywaydb.core.api.FlywayException;

/**
 * The object graph of one invocation: config → DataSource → DSLContext → repositories →
 * OkHttpClient → SpotifyClient → job, all built with {@code new}. It only builds: {@link Main}
 * hands each command the parts it uses. Built on demand, because commands need different parts:
 * {@code users list} must work without Spotify credentials, {@code migrate} without the fetcher's
 * settings. Closing it closes what was opened.
 */
public final class Wiring implements RunParts, AutoCloseable {
    private final FetcherEnvironment env;
    private final PrintStream err;
    private final Clock clock;
    private Database database;
    private OkHttpClient http;
    private ServiceTraffic traffic;
    private SpotifyClient spotify;
    private final Map<SourceService, ServiceTraffic> sourceTraffic =
            new EnumMap<>(SourceService.class);
    private final List<AutoCloseable> sourceClients = new ArrayList<>();

    /**
     * @param err where a terminal's progress line is drawn
     */
    public Wiring(FetcherEnvironment env, PrintStream err, Clock clock) {
        this.env = env;
        this.err = err;
        this.clock = clock;
    }

    /** The database, reachable and migrated (executables migrate at start-up). */
    public Database database() {
        return database(0, true);
    }

    /**
     * @param minPoolSize a run needs a connection per worker plus the lock's and the run row's
     * @param migrate false only for the {@code migrate} command, which migrates itself
     */
    @Override
    public Database database(int minPoolSize, boolean migrate) {
        if (database == null) {
            DatabaseConfig config = env.database();
            if (config.poolSize() < minPoolSize) {
                config = config.withPoolSize(minPoolSize);
            }
            database = Database.open(config, "fetcher-job");
            if (!database.isReachable()) {
                throw new DatabaseUnavailableException(
                        "the database is unreachable at "
                                + DatabaseConfig.withoutCredentials(config.jdbcUrl())
                                + " (DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD)",
                        null);
            }
            if (migrate) {
                migrate();
            }
        }
        return database;
    }

    /** Applies pending migrations; returns the schema version. */
    public String migrate() {
        try {
            return Migrations.migrate(database(0, false).dataSource());
        } catch (FlywayException e) {
            throw new DatabaseUnavailableException(
                    "could not migrate the database schema: " + e.getMessage(), e);
        }
    }

    @Override
    public UserRepository users() {
        return new UserRepository(database().dsl());
    }

    public RecommendationRepository recommendations() {
        return new RecommendationRepository(database().dsl());
    }

    public FetchRunRepository runs() {
        return new FetchRunRepository(database().dsl());
    }

    @Override
    public ServiceTraffic traffic() {
        spotify();
        return traffic;
    }

    /** The Spotify client with the run's settings (rate limit, retries) from SPOTIFY_*. */
    public SpotifyClient spotify() {
        if (spotify == null) {
            spotify = SpotifyClient.create(env.spotify(), spotifyHttp());
        }
        return spotify;
    }

    /**
     * A client for a quick check from the users commands: empty without credentials; few retries,
     * so that a Spotify outage delays {@code users add} by seconds, not minutes.
     */
    public Optional<SpotifyClient> spotifyForChecks() {
        if (!env.spotifyCredentialsPresent()) {
            return Optional.empty();
        }
        if (spotify == null) {
            SpotifyConfig config =
                    env.spotify().toBuilder().retries(2, Duration.ofSeconds(10)).build();
            spotify = SpotifyClient.create(config, spotifyHttp());
        }
        return Optional.of(spotify);
    }

    /**
     * One connection pool and dispatcher for every service; each service counts on its own derived
     * client.
     */
    private OkHttpClient http() {
        if (http == null) {
            http = new OkHttpClient();
        }
        return http;
    }

    private OkHttpClient spotifyHttp() {
        if (traffic == null) {
            traffic = new ServiceTraffic();
        }
        return http().newBuilder().addInterceptor(traffic).build();
    }

    /**
     * A fresh strategy for one run: it remembers, for that run only, what it learns about the app
     * and which sources are unavailable; {@code health} receives the blend's view of the sources.
     */
    @Override
    public RecommendationStrategy strategy(StrategyChoice choice, SourceHealth health) {
        SpotifyClient client = spotify();
        return switch (choice) {
            case SPOTIFY -> new SpotifyRecommendations(client);
            case SEARCH -> new SearchRecommendations(client, SearchRequest.MAX_LIMIT);
            case BLEND -> blend(health);
            // a fallback means a development-mode app
            case AUTO -> new AutoStrategy(new SpotifyRecommendations(client), blend(health));
        };
    }

    /** The run's view of the configured third-party sources. */
    @Override
    public SourceHealth sourceHealth() {
        return new SourceHealth(env.sources().sources());
    }

    private BlendStrategy blend(SourceHealth health) {
        SourcesConfig config = env.sources();
        RunSources sources = runSources(config, health);
        SeedResolver seeds =
                new SeedResolver(new SeedKnowledgeRepository(database().dsl()), sources, clock);
        return new BlendStrategy(seeds, sources, config.spotifyRequestsPerAlias());
    }

    /** Spotify, and each third-party source the run uses ({@link RunSources}). */
    private RunSources runSources(SourcesConfig config, SourceHealth health) {
        return new RunSources(
                spotify(),
                sourceClient(
                        config,
                        SourceService.RECCOBEATS,
                        http -> new ReccoBeatsClient(config.reccoBeats(), http)),
                sourceClient(
                        config,
                        SourceService.LASTFM,
                        http -> new LastFmClient(config.lastFm(), config.lastFmApiKey(), http)),
                sourceClient(
                        config,
                        SourceService.MUSICBRAINZ,
                        http ->
                                new MusicBrainzClient(
                                        config.musicBrainz(), config.musicBrainzContact(), http)),
                health);
    }

    /**
     * The client of {@code service} on its own counting HTTP client, closed with this wiring; null
     * when the run does not use that source (FETCHER_SOURCES; by default Last.fm only with
     * LASTFM_API_KEY).
     */
    private <T extends AutoCloseable> T sourceClient(
            SourcesConfig config, SourceService service, Function<OkHttpClient, T> create) {
        if (!config.uses(service)) {
            return null;
        }
        T client = create.apply(sourceHttp(service));
        sourceClients.add(client);
        return client;
    }

    /** The shared HTTP client with a request counter for one source. */
    private OkHttpClient sourceHttp(SourceService service) {
        ServiceTraffic counter = sourceTraffic.computeIfAbsent(service, s -> new ServiceTraffic());
        return http().newBuilder().addInterceptor(counter).build();
    }

    /** Requests of this invocation per service, and the sources {@code health} saw fail. */
    @Override
    public RunTelemetry telemetry(SourceHealth health) {
        return new RunTelemetry() {
            @Override
            public ServiceRequests requests() {
                return new ServiceRequests(
                        count(traffic),
                        count(sourceTraffic.get(SourceService.RECCOBEATS)),
                        count(sourceTraffic.get(SourceService.LASTFM)),
                        count(sourceTraffic.get(SourceService.MUSICBRAINZ)));
            }

            @Override
            public List<String> unavailableSources() {
                return health.unavailableNames();
            }
        };
    }

    private static int count(ServiceTraffic counter) {
        return counter == null ? 0 : (int) Math.min(Integer.MAX_VALUE, counter.counts().requests());
    }

    /** What each service was sent, for the run summary. */
    @Override
    public Map<SourceService, ServiceTraffic> sourceTraffic() {
        return Map.copyOf(sourceTraffic);
    }

    @Override
    public FetchJob fetchJob() {
        FetcherConfig config = env.fetcher();
        return new FetchJob(
                recommendations(),
                runs(),
                config.concurrency(),
                env.spotify().retryBudget(),
                env.sources().noRepeatDays(),
                config.maxRunTime(),
                clock);
    }

    /**
     * A redrawn progress line on a terminal, plain log lines otherwise (cron, pipes, files, and
     * LOG_FORMAT=json, whose stderr must stay one JSON object per line).
     */
    @Override
    public Progress progress() {
        return isTerminal() && !env.jsonLogs() ? new TerminalProgress(err) : new LogProgress();
    }

    /**
     * Who hears how a run ended: the webhook (NOTIFY_*), the metrics file and the Pushgateway
     * (FETCHER_METRICS_FILE, FETCHER_PUSHGATEWAY_URL), as configured. A part whose own settings are
     * invalid is left out ({@link FetcherEnvironment#require} reports them), so that a run refused
     * for another bad setting is still told.
     */
    @Override
    public RunReporter runReporters() {
        List<RunReporter> reporters = new ArrayList<>();
        try {
            NotifyConfig notify = env.notifications();
            if (notify.target().isPresent()) {
                reporters.add(
                        new WebhookNotifier(notify, http(), WebhookNotifier.Delivery.DEFAULT));
            }
        } catch (ConfigException e) {
            // reported by require()
        }
        try {
            JobMetricsConfig metrics = env.metrics();
            if (metrics.file() != null || metrics.pushgateway() != null) {
                PushgatewayClient push =
                        metrics.pushgatewayUrl()
                                .map(
                                        url ->
                                                new PushgatewayClient(
                                                        url, http(), WebhookNotifier.TIMEOUT))
                                .orElse(null);
                reporters.add(
                        new JobMetricsReporter(
                                metrics.file(),
                                metrics.pushgateway(),
                                push,
                                this::lastSucceededAt));
            }
        } catch (ConfigException e) {
            // reported by require()
        }
        return RunReporter.all(reporters);
    }

    /** From the run history, if this invocation reached the database; throws when it did not. */
    private Optional<OffsetDateTime> lastSucceededAt() {
        if (database == null) {
            throw new IllegalStateException("the database was not opened");
        }
        return new FetchRunRepository(database.dsl()).lastSucceededAt();
    }

    /** Requests and 429 answers per service in this invocation, by the service's config name. */
    @Override
    public Map<String, RunReport.Traffic> trafficByService() {
        Map<String, RunReport.Traffic> counts = new TreeMap<>();
        if (traffic != null) {
            counts.put("spotify", reported(traffic));
        }
        sourceTraffic.forEach(
                (service, counter) -> counts.put(service.configName(), reported(counter)));
        return counts;
    }

    private static RunReport.Traffic reported(ServiceTraffic counter) {
        ServiceTraffic.Counts sent = counter.counts();
        return new RunReport.Traffic(sent.requests(), sent.rateLimited());
    }

    /**
     * Whether the progress line, drawn on stderr, reaches a person. {@code System.console()} is
     * null when stdin or stdout is redirected, up to JDK 21; from JDK 22 it may return a console
     * anyway and {@code Console.isTerminal()} tells. Neither looks at stderr, so {@code run
     * 2>>fetcher.log} typed at a terminal would fill the log with carriage returns and escape
     * codes: where the OS shows what stderr is (Linux's /proc), a stderr that is not a terminal
     * device means no progress line.
     */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null || !stderrMayBeTerminal(Path.of("/proc/self/fd/2"))) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /**
     * False when {@code fd} (a /proc link to stderr) points somewhere other than a terminal device.
     */
    static boolean stderrMayBeTerminal(Path fd) {
        String target;
        try {
            target = Files.readSymbolicLink(fd).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true; // no /proc here: trust the console check
        }
        return target.startsWith("/dev/pts/")
                || target.startsWith("/dev/tty")
                || target.equals("/dev/console");
    }

    @Override
    public void close() {
        for (AutoCloseable client : sourceClients) {
            try {
                client.close();
            } catch (Exception e) {
                // closing releases nothing but idle connections
            }
        }
        if (spotify != null) {
            spotify.close();
        }
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        if (database != null) {
            database.close();
        }
    }
}
