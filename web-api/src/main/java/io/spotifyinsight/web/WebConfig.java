package io.spotifyinsight.web;

import io.spotifyinsight.persistence.DatabaseConfig;
import io.spotifyinsight.persistence.DatabaseConfigException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The web server's settings, parsed once at start-up from the environment. Every bad variable is
 * reported in one {@link WebConfigException}, each by name with what is accepted.
 *
 * <p>Variables: {@code HOST} (default 0.0.0.0), {@code PORT} (default 8000; 0 picks a free port),
 * {@code APP_TIMEZONE} (the zone of "today", default UTC), the {@code DATABASE_*} variables of
 * {@link DatabaseConfig} (except that the pool defaults to {@value #DEFAULT_POOL_SIZE} connections here),
 * and {@code WEB_MAX_THREADS} (Jetty threads, default {@value #DEFAULT_MAX_THREADS}),
 * {@code WEB_CACHE_ENTRIES} (past-date lists kept in memory, default {@value #DEFAULT_CACHE_ENTRIES}, 0 turns
 * the cache off; never more than a quarter of the maximum heap, see {@link #cacheMaxBytes}),
 * {@code WEB_SHUTDOWN_TIMEOUT_SECONDS} (how long in-flight requests may finish on SIGTERM, default 10),
 * {@code WEB_MIGRATE} (apply pending migrations at start-up, default true), {@code WEB_METRICS_TOKEN}
 * (when set, {@code /metrics} answers only requests bearing it; a secret, never printed), {@code LOG_FORMAT}
 * (text or json; logback reads it, it is only checked here).
 */
public record WebConfig(String host, int port, ZoneId zone, DatabaseConfig database, int maxThreads,
                        int cacheEntries, Duration shutdownTimeout, boolean migrate, String metricsToken) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8000;
    /**
     * Past-date lists kept rendered (about 12 kB each at 20 tracks). A past list never changes, so
     * serving it from memory is the cheapest answer there is: a list costs PostgreSQL about 0.3 ms of CPU
     * and the server 0.2 ms to read and render, a cached one 0.04 ms. The count is generous on purpose;
     * {@link #cacheMaxBytes} keeps the memory in proportion to the heap.
     */
    public static final int DEFAULT_CACHE_ENTRIES = 50_000;

    /**
     * The cache's memory bound: a quarter of the JVM's maximum heap ({@code -Xmx}; by default the JVM
     * takes a quarter of the machine's or container's memory). The rest of the server needs little heap:
     * a request's garbage is a few kilobytes.
     */
    public static long cacheMaxBytes(long maxHeapBytes) {
        return maxHeapBytes / 4;
    }
    /**
     * A list read costs PostgreSQL about 0.3 ms of CPU, so a few connections keep a small database
     * server busy; on the benchmark's 2 cores (PostgreSQL next to the API) 10 connections and 32 threads
     * spent more CPU switching between them than 4 and 8 did, for a third less throughput.
     */
    public static final int DEFAULT_POOL_SIZE = 4;
    /** Jetty's acceptor and selector take two; the other six run requests, more than the pool serves. */
    public static final int DEFAULT_MAX_THREADS = 8;

    public WebConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    }

    public static WebConfig fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String host = value(env, "HOST", DEFAULT_HOST);
        if (!host.matches("[A-Za-z0-9.:\\-\\[\\]%]{1,253}")) {
            problems.add("HOST must be a host name or IP address to listen on, such as 0.0.0.0 or 127.0.0.1 (got '"
                    + host + "')");
        }
        int port = intIn(env, "PORT", DEFAULT_PORT, 0, 65535, problems);
        ZoneId zone = ZoneId.of("UTC");
        String zoneName = value(env, "APP_TIMEZONE", "UTC");
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            problems.add("APP_TIMEZONE must be a time-zone id such as UTC or Europe/Berlin (got '" + zoneName + "')");
        }
        int maxThreads = intIn(env, "WEB_MAX_THREADS", DEFAULT_MAX_THREADS, 8, 1000, problems);
        int cacheEntries = intIn(env, "WEB_CACHE_ENTRIES", DEFAULT_CACHE_ENTRIES, 0, 10_000_000, problems);
        int shutdownSeconds = intIn(env, "WEB_SHUTDOWN_TIMEOUT_SECONDS", 10, 0, 600, problems);
        boolean migrate = true;
        String migrateRaw = value(env, "WEB_MIGRATE", "true");
        if (migrateRaw.equalsIgnoreCase("false")) {
            migrate = false;
        } else if (!migrateRaw.equalsIgnoreCase("true")) {
            problems.add("WEB_MIGRATE must be true or false (got '" + migrateRaw + "')");
        }
        String metricsToken = env.get("WEB_METRICS_TOKEN");
        if (metricsToken != null && metricsToken.isBlank()) {
            metricsToken = null;
        } else if (metricsToken != null && !metricsToken.matches("[\\x21-\\x7e]{16,256}")) {
            // a bearer token travels in a header: printable ASCII without spaces; short ones are guessable
            problems.add("WEB_METRICS_TOKEN must be 16 to 256 printable ASCII characters without spaces"
                    + " (got " + metricsToken.length() + " characters; the value is not shown)");
        }
        String logFormat = env.get("LOG_FORMAT");
        if (logFormat != null && !logFormat.isEmpty() && !logFormat.equals("text") && !logFormat.equals("json")) {
            // logback.xml picks its appender by this name and would log nothing for another one
            problems.add("LOG_FORMAT must be text (the default: timestamped lines) or json (one JSON object per line),"
                    + " in lower case (got '" + logFormat + "')");
        }
        String logLevel = env.get("LOG_LEVEL");
        if (logLevel != null && !logLevel.isBlank()
                && !List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF").contains(logLevel.strip().toUpperCase(Locale.ROOT))) {
            // logback would silently take an unknown level as DEBUG
            problems.add("LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF (default INFO; got '" + logLevel + "')");
        }
        DatabaseConfig database = null;
        try {
            Map<String, String> withPoolDefault = new HashMap<>(env);
            withPoolDefault.putIfAbsent("DATABASE_POOL_SIZE", Integer.toString(DEFAULT_POOL_SIZE));
            database = DatabaseConfig.fromEnv(withPoolDefault);
        } catch (DatabaseConfigException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new WebConfigException("Invalid configuration: " + String.join("; ", problems));
        }
        return new WebConfig(host, port, zone, database, maxThreads, cacheEntries,
                Duration.ofSeconds(shutdownSeconds), migrate, metricsToken);
    }

    /** The same settings with some variables replaced: for tests. */
    public static WebConfig fromEnv(Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(overrides);
        return fromEnv(merged);
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String raw = env.get(name);
        return raw == null || raw.isBlank() ? fallback : raw.trim();
    }

    private static int intIn(Map<String, String> env, String name, int fallback, int min, int max, List<String> problems) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(raw.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a whole number from " + min + " to " + max + " (got '" + raw + "')");
        return fallback;
    }

    /** The metrics token is a secret: only whether one is set shows. */
    @Override
    public String toString() {
        return "WebConfig[host=" + host + ", port=" + port + ", zone=" + zone + ", database=" + database
                + ", maxThreads=" + maxThreads + ", cacheEntries=" + cacheEntries + ", shutdownTimeout="
                + shutdownTimeout + ", migrate=" + migrate + ", metricsToken=" + (metricsToken == null ? "(none)" : "***")
                + "]";
    }
}
