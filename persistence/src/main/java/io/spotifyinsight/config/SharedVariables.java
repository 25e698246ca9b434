package io.spotifyinsight.config;

import io.spotifyinsight.persistence.DatabaseConfig;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The variables both executables read, written once: {@code DATABASE_*}, {@code APP_TIMEZONE},
 * {@code LOG_LEVEL} and {@code LOG_FORMAT} (logback reads the last two itself; they are checked
 * here because logback takes an unknown level as DEBUG and an unknown format as "no appender").
 */
public final class SharedVariables {
    public static final List<String> LOG_LEVELS =
            List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
    public static final String LOG_FORMATS =
            "text (the default: timestamped lines) or json (one JSON object per"
                    + " line), in lower case";

    private SharedVariables() {}

    /**
     * {@code DATABASE_URL}, {@code DATABASE_USER}, {@code DATABASE_PASSWORD}, {@code
     * DATABASE_POOL_SIZE} (1 to 200), {@code DATABASE_CONNECTION_TIMEOUT_SECONDS} (1 to 300) and
     * {@code DATABASE_QUERY_TIMEOUT_SECONDS} (1 to 3600). A URL is shown without its password.
     */
    public static DatabaseConfig database(EnvReader env, int defaultPoolSize) {
        String url = env.text("DATABASE_URL", DatabaseConfig.DEFAULT_URL);
        if (!url.startsWith(DatabaseConfig.URL_PREFIX)) {
            env.invalid(
                    "DATABASE_URL",
                    DatabaseConfig.withoutCredentials(url),
                    "a PostgreSQL JDBC URL such as " + DatabaseConfig.DEFAULT_URL);
            url = DatabaseConfig.DEFAULT_URL;
        }
        String user = env.text("DATABASE_USER", DatabaseConfig.DEFAULT_USER);
        String password = env.raw("DATABASE_PASSWORD");
        int poolSize =
                env.wholeNumber(
                        "DATABASE_POOL_SIZE", defaultPoolSize, 1, DatabaseConfig.MAX_POOL_SIZE);
        int connectionTimeout =
                env.wholeNumber(
                        "DATABASE_CONNECTION_TIMEOUT_SECONDS",
                        DatabaseConfig.DEFAULT_CONNECTION_TIMEOUT_SECONDS,
                        1,
                        300);
        int queryTimeout =
                env.wholeNumber(
                        "DATABASE_QUERY_TIMEOUT_SECONDS",
                        DatabaseConfig.DEFAULT_QUERY_TIMEOUT_SECONDS,
                        1,
                        3600);
        return new DatabaseConfig(
                url,
                user,
                password,
                poolSize,
                Duration.ofSeconds(connectionTimeout),
                Duration.ofSeconds(queryTimeout));
    }

    /** {@code APP_TIMEZONE}: the IANA zone that decides which date "today" is; default UTC. */
    public static ZoneId timezone(EnvReader env) {
        return env.parsed(
                "APP_TIMEZONE",
                ZoneId.of("UTC"),
                ZoneId::of,
                "an IANA time zone such as UTC, Europe/Stockholm or America/New_York (default"
                        + " UTC)");
    }

    /** {@code LOG_LEVEL}, checked only. */
    public static void checkLogLevel(EnvReader env) {
        env.parsed(
                "LOG_LEVEL",
                null,
                SharedVariables::logLevel,
                "one of " + String.join(", ", LOG_LEVELS) + " (default INFO)");
    }

    private static String logLevel(String raw) {
        String level = raw.toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new IllegalArgumentException(raw);
        }
        return level;
    }

    /**
     * {@code LOG_FORMAT}: whether the logs are JSON lines; unset means text. Case matters to
     * logback.
     */
    public static boolean jsonLogs(EnvReader env) {
        String raw = env.raw("LOG_FORMAT");
        if (raw == null || raw.equals("text")) {
            return false;
        }
        if (!raw.equals("json")) {
            env.invalid("LOG_FORMAT", raw, LOG_FORMATS);
        }
        return raw.equals("json");
    }
}
