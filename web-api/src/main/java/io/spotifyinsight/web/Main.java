package io.spotifyinsight.web;

import io.javalin.Javalin;
import io.spotifyinsight.config.ConfigException;
import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.persistence.Migrations;
import io.spotifyinsight.persistence.knowledge.SeedKnowledgeRepository;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.user.UserRepository;
import io.spotifyinsight.web.docs.DocsController;
import io.spotifyinsight.web.error.ErrorMapper;
import io.spotifyinsight.web.health.HealthController;
import io.spotifyinsight.web.http.Json;
import io.spotifyinsight.web.http.RenderedCache;
import io.spotifyinsight.web.metrics.Metrics;
import io.spotifyinsight.web.page.PageController;
import io.spotifyinsight.web.page.Pages;
import io.spotifyinsight.web.playlist.JspfWriter;
import io.spotifyinsight.web.playlist.M3uWriter;
import io.spotifyinsight.web.playlist.XspfWriter;
import io.spotifyinsight.web.recommendation.RecommendationController;
import io.spotifyinsight.web.recommendation.RecommendationService;
import io.spotifyinsight.web.user.UserController;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.Properties;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar web-api.jar}: reads the environment, opens the pool, applies pending migrations,
 * wires everything with {@code new} and serves until SIGTERM. Exit code 2 for a bad configuration,
 * 1 when the schema could not be migrated.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    /** What a client should wait before retrying while the database is away. */
    static final int RETRY_AFTER_SECONDS = 5;

    private Main() {}

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(flags(args));
        }
        WebConfig config;
        try {
            config = WebConfig.fromEnv(System.getenv());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.err.println("Run with --help for the list of variables.");
            System.exit(2);
            return;
        }
        Database database = Database.open(config.database(), "web-api");
        if (config.migrate()) {
            try {
                migrate(database);
            } catch (MigrationFailedException e) {
                log.error("{}", e.getMessage(), e.getCause());
                System.err.println(e.getMessage());
                database.close();
                System.exit(1);
                return;
            }
        }
        Javalin app = WebApp.create(wire(config, database, Clock.systemUTC()));
        // SIGTERM: Jetty stops accepting, lets in-flight requests finish, then serverStopped closes
        // the pool.
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        app.start();
        log.info(
                "web-api {} listening on {}:{} (time zone {}, database {})",
                version(),
                config.host(),
                app.port(),
                config.zone(),
                config.database());
    }

    /** The object graph; tests call this too, with their own database and clock. */
    public static WebDeps wire(WebConfig config, Database database, Clock clock) {
        var json = Json.mapper();
        var recommendations = new RecommendationRepository(database.dsl());
        var users = new UserRepository(database.dsl());
        // "today" and the pages' times are the server's time zone's
        Clock local = clock.withZone(config.zone());
        var cache =
                new RenderedCache.Bounds(
                        config.cacheEntries(),
                        WebConfig.cacheMaxBytes(Runtime.getRuntime().maxMemory()));
        var service = new RecommendationService(recommendations, json, local, cache);
        var pages = new Pages();
        // rendered pages of past days get the same bound as the lists' JSON: a quarter of the heap
        // each
        var pageController =
                new PageController(
                        pages,
                        users,
                        recommendations,
                        new SeedKnowledgeRepository(database.dsl()),
                        local,
                        cache);
        var metrics = new Metrics();
        metrics.bindCache(service);
        metrics.bindPageCache(pageController.cache());
        return new WebDeps(
                config,
                database,
                metrics,
                new ErrorMapper(json, RETRY_AFTER_SECONDS, PageController::isPage, pages::problem),
                new RecommendationController(
                        service, new JspfWriter(json), new XspfWriter(), new M3uWriter()),
                new UserController(users, recommendations),
                new HealthController(database, version(), RETRY_AFTER_SECONDS),
                new DocsController(),
                pageController);
    }

    /**
     * The fetcher migrates too; Flyway's lock makes concurrent runs safe. An unreachable database
     * is not fatal: the server starts, answers 503 and recovers when the database is back. A
     * migration that fails or that Flyway refuses (a changed or failed migration in the schema
     * history, a schema newer than this build) is: serving on a schema the code was not written for
     * would give wrong answers, so the caller stops.
     *
     * @throws MigrationFailedException when the database answered but the schema could not be
     *     migrated
     */
    static void migrate(Database database) {
        try {
            log.info("database schema at version {}", Migrations.migrate(database.dataSource()));
        } catch (RuntimeException e) {
            if (!unreachable(e)) {
                throw new MigrationFailedException(
                        "web-api: could not migrate the database schema, so it does not start: "
                                + oneLine(e.getMessage())
                                + " Fix the migration or the schema history (see README, Upgrades"
                                + " and migrations), or start with WEB_MIGRATE=false to serve the"
                                + " schema as it is.",
                        e);
            }
            log.warn(
                    "could not apply migrations at start-up, the database is unreachable ({});"
                            + " serving anyway, requests get 503 until the database answers",
                    oneLine(e.getMessage()));
        }
    }

    /**
     * Whether a failure comes from not reaching the database at all (as opposed to an answer
     * refusing).
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().equals("57P03")
                            || sql.getSQLState().equals("53300"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Flyway's message on one line, without its advertising ("Learn more: https://...") lines. */
    private static String oneLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.lines()
                .map(String::strip)
                .filter(
                        line ->
                                !line.isEmpty()
                                        && !line.contains("http://")
                                        && !line.contains("https://"))
                .collect(Collectors.joining(" "));
    }

    /**
     * The schema could not be migrated although the database answered: the web API must not start.
     */
    static final class MigrationFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MigrationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static int flags(String[] args) {
        switch (args[0]) {
            case "--version" -> {
                System.out.println("web-api " + version());
                return 0;
            }
            case "--help", "-h" -> {
                System.out.println(Help.TEXT);
                return 0;
            }
            case "--print-read-query" -> {
                System.out.println(ReadQuery.sql());
                return 0;
            }
            default -> {
                System.err.println(
                        "Unknown argument '"
                                + args[0]
                                + "'. Accepted: --help, --version, --print-read-query.");
                return 2;
            }
        }
    }

    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/web/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
