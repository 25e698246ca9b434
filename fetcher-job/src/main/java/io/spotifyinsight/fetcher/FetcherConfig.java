package io.spotifyinsight.fetcher;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fetcher's own settings, parsed once at start-up. Variables: {@code APP_TIMEZONE} (IANA zone
 * that decides which date "today" is; default UTC), {@code FETCHER_CONCURRENCY} (users fetched at
 * once, 1 to 64, default 4), {@code FETCHER_STRATEGY} (auto, spotify, search or blend; default auto),
 * {@code FETCHER_MAX_RUN_MINUTES} (a run stops after this long, 1 to 1440, default 120), and
 * {@code LOG_LEVEL}, which logback reads itself but which is checked here.
 */
public record FetcherConfig(ZoneId timezone, int concurrency, StrategyChoice strategy, Duration maxRunTime) {
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int MAX_CONCURRENCY = 64;
    public static final int DEFAULT_MAX_RUN_MINUTES = 120;
    /** A day: a longer run would overlap the next night's. */
    public static final int MAX_RUN_MINUTES_LIMIT = 1440;
    static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    public FetcherConfig {
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(maxRunTime, "maxRunTime");
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be 1 to " + MAX_CONCURRENCY + ", got " + concurrency);
        }
    }

    public static FetcherConfig defaults() {
        return new FetcherConfig(ZoneId.of("UTC"), DEFAULT_CONCURRENCY, StrategyChoice.AUTO,
                Duration.ofMinutes(DEFAULT_MAX_RUN_MINUTES));
    }

    /** Reads the variables above; every problem is reported in one exception, naming its variable. */
    public static FetcherConfig fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        ZoneId zone = ZoneId.of("UTC");
        String rawZone = value(env, "APP_TIMEZONE");
        if (rawZone != null) {
            try {
                zone = ZoneId.of(rawZone);
            } catch (DateTimeException e) {
                problems.add("APP_TIMEZONE is '" + rawZone
                        + "': expected an IANA time zone such as UTC, Europe/Stockholm or America/New_York");
            }
        }
        int concurrency = DEFAULT_CONCURRENCY;
        String rawConcurrency = value(env, "FETCHER_CONCURRENCY");
        if (rawConcurrency != null) {
            try {
                concurrency = Integer.parseInt(rawConcurrency);
            } catch (NumberFormatException e) {
                concurrency = -1;
            }
            if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
                problems.add("FETCHER_CONCURRENCY is '" + rawConcurrency + "': expected a whole number from 1 to "
                        + MAX_CONCURRENCY + " (default " + DEFAULT_CONCURRENCY + ")");
                concurrency = DEFAULT_CONCURRENCY;
            }
        }
        StrategyChoice strategy = StrategyChoice.AUTO;
        String rawStrategy = value(env, "FETCHER_STRATEGY");
        if (rawStrategy != null) {
            try {
                strategy = StrategyChoice.parse(rawStrategy);
            } catch (IllegalArgumentException e) {
                problems.add("FETCHER_STRATEGY is '" + rawStrategy + "': expected " + StrategyChoice.ACCEPTED
                        + " (default auto)");
            }
        }
        int maxRunMinutes = DEFAULT_MAX_RUN_MINUTES;
        String rawMaxRun = value(env, "FETCHER_MAX_RUN_MINUTES");
        if (rawMaxRun != null) {
            try {
                maxRunMinutes = Integer.parseInt(rawMaxRun);
            } catch (NumberFormatException e) {
                maxRunMinutes = -1;
            }
            if (maxRunMinutes < 1 || maxRunMinutes > MAX_RUN_MINUTES_LIMIT) {
                problems.add("FETCHER_MAX_RUN_MINUTES is '" + rawMaxRun + "': expected a whole number of minutes from 1"
                        + " to " + MAX_RUN_MINUTES_LIMIT + " (default " + DEFAULT_MAX_RUN_MINUTES + ")");
                maxRunMinutes = DEFAULT_MAX_RUN_MINUTES;
            }
        }
        String rawLevel = value(env, "LOG_LEVEL");
        if (rawLevel != null && !LOG_LEVELS.contains(rawLevel.toUpperCase(java.util.Locale.ROOT))) {
            // logback would silently take an unknown level as DEBUG
            problems.add("LOG_LEVEL is '" + rawLevel + "': expected one of " + String.join(", ", LOG_LEVELS)
                    + " (default INFO)");
        }
        if (!problems.isEmpty()) {
            throw new FetcherConfigException("invalid fetcher configuration: " + String.join("; ", problems));
        }
        return new FetcherConfig(zone, concurrency, strategy, Duration.ofMinutes(maxRunMinutes));
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
