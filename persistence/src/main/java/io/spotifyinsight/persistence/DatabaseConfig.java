package io.spotifyinsight.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach PostgreSQL, parsed once at start-up from the environment.
 *
 * <p>Variables: {@code DATABASE_URL} (JDBC URL), {@code DATABASE_USER}, {@code DATABASE_PASSWORD},
 * {@code DATABASE_POOL_SIZE}, {@code DATABASE_CONNECTION_TIMEOUT_SECONDS} (how long a caller waits for a
 * pooled connection before giving up) and {@code DATABASE_QUERY_TIMEOUT_SECONDS} (statement timeout).
 * The password never appears in {@link #toString()}.
 */
public record DatabaseConfig(
        String jdbcUrl,
        String user,
        String password,
        int poolSize,
        Duration connectionTimeout,
        Duration queryTimeout) {

    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/spotify_insight";
    public static final String DEFAULT_USER = "postgres";
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final int DEFAULT_CONNECTION_TIMEOUT_SECONDS = 5;
    public static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 10;

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new DatabaseConfigException("jdbcUrl must start with jdbc:postgresql:, got " + jdbcUrl);
        }
        if (poolSize < 1 || poolSize > 200) {
            throw new DatabaseConfigException("poolSize must be 1 to 200, got " + poolSize);
        }
    }

    /** A configuration with default pool settings, for tests and tools. */
    public static DatabaseConfig of(String jdbcUrl, String user, String password) {
        return new DatabaseConfig(jdbcUrl, user, password, DEFAULT_POOL_SIZE,
                Duration.ofSeconds(DEFAULT_CONNECTION_TIMEOUT_SECONDS), Duration.ofSeconds(DEFAULT_QUERY_TIMEOUT_SECONDS));
    }

    public DatabaseConfig withPoolSize(int newPoolSize) {
        return new DatabaseConfig(jdbcUrl, user, password, newPoolSize, connectionTimeout, queryTimeout);
    }

    /**
     * Reads the variables above; every problem is collected and reported in one message, each naming
     * its variable and what is accepted.
     */
    public static DatabaseConfig fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String url = valueOr(env, "DATABASE_URL", DEFAULT_URL);
        if (!url.startsWith("jdbc:postgresql://") && !url.startsWith("jdbc:postgresql:")) {
            problems.add("DATABASE_URL must be a PostgreSQL JDBC URL such as " + DEFAULT_URL
                    + " (got '" + withoutCredentials(url) + "')");
        }
        String user = valueOr(env, "DATABASE_USER", DEFAULT_USER);
        String password = env.getOrDefault("DATABASE_PASSWORD", "");
        int poolSize = intIn(env, "DATABASE_POOL_SIZE", DEFAULT_POOL_SIZE, 1, 200, problems);
        int connectionTimeout = intIn(env, "DATABASE_CONNECTION_TIMEOUT_SECONDS",
                DEFAULT_CONNECTION_TIMEOUT_SECONDS, 1, 300, problems);
        int queryTimeout = intIn(env, "DATABASE_QUERY_TIMEOUT_SECONDS", DEFAULT_QUERY_TIMEOUT_SECONDS, 1, 3600, problems);
        if (!problems.isEmpty()) {
            throw new DatabaseConfigException("Invalid database configuration: " + String.join("; ", problems));
        }
        return new DatabaseConfig(url, user, password, poolSize,
                Duration.ofSeconds(connectionTimeout), Duration.ofSeconds(queryTimeout));
    }

    private static String valueOr(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int intIn(Map<String, String> env, String name, int fallback, int min, int max, List<String> problems) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a whole number from " + min + " to " + max + " (got '" + raw + "')");
        return fallback;
    }

    /** A JDBC URL may carry a password as a parameter; never echo it. */
    static String withoutCredentials(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + withoutCredentials(jdbcUrl) + ", user=" + user
                + ", password=" + (password.isEmpty() ? "(none)" : "***") + ", poolSize=" + poolSize
                + ", connectionTimeout=" + connectionTimeout + ", queryTimeout=" + queryTimeout + "]";
    }
}
