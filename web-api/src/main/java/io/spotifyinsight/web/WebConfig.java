package io.spotifyinsight.web;

import io.spotifyinsight.config.ConfigException;
import io.spotifyinsight.config.EnvReader;
import io.spotifyinsight.config.SharedVariables;
import io.spotifyinsight.persistence.DatabaseConfig;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The web server's settings, parsed once at start-up from the environment. Every bad variable is
 * reported in one {@link ConfigException}, each by name with what is accepted.
 *
 * <p>Variables: {@code HOST} (default 0.0.0.0), {@code PORT} (default 8000; 0 picks a free port),
 * {@code APP_TIMEZONE} (the zone of "today", default UTC), the {@code DATABASE_*} variables of
 * {@link SharedVariables#database} (except that the pool defaults to {@value #DEFAULT_POOL_SIZE}
 * connections here), and {@code WEB_MAX_THREADS} (Jetty threads, default {@value
 * #DEFAULT_MAX_THREADS}), {@code WEB_CACHE_ENTRIES} (past-date lists kept in memory, default
 * {@value #DEFAULT_CACHE_ENTRIES}, 0 turns the cache off; never more than a quarter of the maximum
 * heap, see {@link #cacheMaxBytes}), {@code WEB_SHUTDOWN_TIMEOUT_SECONDS} (how long in-flight
 * requests may finish on SIGTERM, default 10), {@code WEB_MIGRATE} (apply pending migrations at
 * start-up, default true), {@code WEB_METRICS_TOKEN} (when set, {@code /metrics} answers only
 * requests bearing it; a secret, never printed), {@code LOG_FORMAT} and {@code LOG_LEVEL} (logback
 * reads them, they are only checked here).
 *
 * <p>{@link #fromEnv} is its only maker, and every value it passes has a default, so none is null.
 */
public record WebConfig(
        String host,
        int port,
        ZoneId zone,
        DatabaseConfig database,
        int maxThreads,
        int cacheEntries,
        Duration shutdownTimeout,
        boolean migrate,
        String metricsToken) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8000;

    /**
     * Past-date lists kept rendered (about 12 kB each at 20 tracks). A past list never changes, so
     * serving it from memory is the cheapest answer there is: a list costs PostgreSQL about 0.3 ms
     * of CPU and the server 0.2 ms to read and render, a cached one 0.04 ms. The count is generous
     * on purpose; {@link #cacheMaxBytes} keeps the memory in proportion to the heap.
     */
    public static final int DEFAULT_CACHE_ENTRIES = 50_000;

    /**
     * The cache's memory bound: a quarter of the JVM's maximum heap ({@code -Xmx}; by default the
     * JVM takes a quarter of the machine's or container's memory). The rest of the server needs
     * little heap: a request's garbage is a few kilobytes.
     */
    public static long cacheMaxBytes(long maxHeapBytes) {
        return maxHeapBytes / 4;
    }

    /**
     * A list read costs PostgreSQL about 0.3 ms of CPU, so a few connections keep a small database
     * server busy; on the benchmark's 2 cores (PostgreSQL next to the API) 10 connections and 32
     * threads spent more CPU switching between them than 4 and 8 did, for a third less throughput.
     */
    public static final int DEFAULT_POOL_SIZE = 4;

    /**
     * Jetty's acceptor and selector take two; the other six run requests, more than the pool
     * serves.
     */
    public static final int DEFAULT_MAX_THREADS = 8;

    /** Reads the variables above. @throws ConfigException naming every bad variable */
    public static WebConfig fromEnv(Map<String, String> variables) {
        EnvReader env = new EnvReader(variables);
        String host = env.text("HOST", DEFAULT_HOST);
        if (!host.matches("[A-Za-z0-9.:\\-\\[\\]%]{1,253}")) {
            env.invalid(
                    "HOST",
                    host,
                    "a host name or IP address to listen on, such as 0.0.0.0 or 127.0.0.1"
                            + " (default "
                            + DEFAULT_HOST
                            + ")");
        }
        int port = env.wholeNumber("PORT", DEFAULT_PORT, 0, 65535);
        ZoneId zone = SharedVariables.timezone(env);
        int maxThreads = env.wholeNumber("WEB_MAX_THREADS", DEFAULT_MAX_THREADS, 8, 1000);
        int cacheEntries =
                env.wholeNumber("WEB_CACHE_ENTRIES", DEFAULT_CACHE_ENTRIES, 0, 10_000_000);
        int shutdownSeconds = env.wholeNumber("WEB_SHUTDOWN_TIMEOUT_SECONDS", 10, 0, 600);
        boolean migrate =
                env.parsed("WEB_MIGRATE", true, WebConfig::bool, "true or false (default true)");
        String metricsToken = env.raw("WEB_METRICS_TOKEN");
        if (metricsToken != null && metricsToken.isBlank()) {
            metricsToken = null;
        } else if (metricsToken != null && !metricsToken.matches("[\\x21-\\x7e]{16,256}")) {
            // a bearer token travels in a header: printable ASCII without spaces; short ones are
            // guessable
            env.problem(
                    "WEB_METRICS_TOKEN has "
                            + metricsToken.length()
                            + " characters (the value is not shown):"
                            + " expected 16 to 256 printable ASCII characters without spaces");
        }
        SharedVariables.jsonLogs(env);
        SharedVariables.checkLogLevel(env);
        DatabaseConfig database = SharedVariables.database(env, DEFAULT_POOL_SIZE);
        env.check();
        return new WebConfig(
                host,
                port,
                zone,
                database,
                maxThreads,
                cacheEntries,
                Duration.ofSeconds(shutdownSeconds),
                migrate,
                metricsToken);
    }

    private static boolean bool(String raw) {
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw);
        }
        throw new IllegalArgumentException(raw);
    }

    /** The same settings with some variables replaced: for tests. */
    public static WebConfig fromEnv(Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(overrides);
        return fromEnv(merged);
    }

    /** The metrics token is a secret: only whether one is set shows. */
    @Override
    public String toString() {
        return "WebConfig[host="
                + host
                + ", port="
                + port
                + ", zone="
                + zone
                + ", database="
                + database
                + ", maxThreads="
                + maxThreads
                + ", cacheEntries="
                + cacheEntries
                + ", shutdownTimeout="
                + shutdownTimeout
                + ", migrate="
                + migrate
                + ", metricsToken="
                + (metricsToken == null ? "(none)" : "***")
                + "]";
    }
}
