package io.spotifyinsight.fetcher;

import io.spotifyinsight.config.EnvReader;
import io.spotifyinsight.config.SharedVariables;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The fetcher's own settings, read by {@link FetcherEnvironment}. Variables: {@code APP_TIMEZONE}
 * (IANA zone that decides which date "today" is; default UTC), {@code FETCHER_CONCURRENCY} (users
 * fetched at once, 1 to 64, default 4), {@code FETCHER_STRATEGY} (auto, spotify, search or blend;
 * default auto), {@code FETCHER_MAX_RUN_MINUTES} (a run stops after this long, 1 to 1440, default
 * 120), and {@code LOG_LEVEL}, which logback reads itself but which is checked here.
 *
 * <p>{@link #read} and {@link #defaults} are its only makers: every value {@code read} passes has a
 * default and is range-checked by the reader, so none is null or out of range.
 */
public record FetcherConfig(
        ZoneId timezone, int concurrency, StrategyChoice strategy, Duration maxRunTime) {
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int MAX_CONCURRENCY = 64;
    public static final int DEFAULT_MAX_RUN_MINUTES = 120;

    /** A day: a longer run would overlap the next night's. */
    public static final int MAX_RUN_MINUTES_LIMIT = 1440;

    public static FetcherConfig defaults() {
        return new FetcherConfig(
                ZoneId.of("UTC"),
                DEFAULT_CONCURRENCY,
                StrategyChoice.AUTO,
                Duration.ofMinutes(DEFAULT_MAX_RUN_MINUTES));
    }

    /**
     * Reads the variables above, recording each problem in {@code env}; {@code LOG_LEVEL} is
     * checked too.
     */
    public static FetcherConfig read(EnvReader env) {
        ZoneId zone = SharedVariables.timezone(env);
        int concurrency =
                env.wholeNumber("FETCHER_CONCURRENCY", DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY);
        StrategyChoice strategy =
                env.parsed(
                        "FETCHER_STRATEGY",
                        StrategyChoice.AUTO,
                        StrategyChoice::parse,
                        StrategyChoice.ACCEPTED + " (default auto)");
        int maxRunMinutes =
                env.wholeNumber(
                        "FETCHER_MAX_RUN_MINUTES",
                        DEFAULT_MAX_RUN_MINUTES,
                        1,
                        MAX_RUN_MINUTES_LIMIT);
        SharedVariables.checkLogLevel(env);
        return new FetcherConfig(zone, concurrency, strategy, Duration.ofMinutes(maxRunMinutes));
    }
}
