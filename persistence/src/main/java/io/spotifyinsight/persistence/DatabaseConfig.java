package io.spotifyinsight.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach PostgreSQL. The executables read it from the {@code DATABASE_*} variables ({@link
 * io.spotifyinsight.config.SharedVariables#database}); {@code connectionTimeout} is how long a
 * caller waits for a pooled connection before giving up, {@code queryTimeout} the statement
 * timeout. The password never appears in {@link #toString()}.
 */
public record DatabaseConfig(
        String jdbcUrl,
        String user,
        String password,
        int poolSize,
        Duration connectionTimeout,
        Duration queryTimeout) {

    /** How every accepted {@code jdbcUrl} begins: this project speaks only to PostgreSQL. */
    public static final String URL_PREFIX = "jdbc:postgresql:";

    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/spotify_insight";
    public static final String DEFAULT_USER = "postgres";
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final int MAX_POOL_SIZE = 200;
    public static final int DEFAULT_CONNECTION_TIMEOUT_SECONDS = 5;
    public static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 10;

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        if (!jdbcUrl.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException(
                    "jdbcUrl must start with "
                            + URL_PREFIX
                            + ", got "
                            + withoutCredentials(jdbcUrl));
        }
        Checks.range("poolSize", poolSize, 1, MAX_POOL_SIZE);
    }

    /** A configuration with default pool settings, for tests and tools. */
    public static DatabaseConfig of(String jdbcUrl, String user, String password) {
        return new DatabaseConfig(
                jdbcUrl,
                user,
                password,
                DEFAULT_POOL_SIZE,
                Duration.ofSeconds(DEFAULT_CONNECTION_TIMEOUT_SECONDS),
                Duration.ofSeconds(DEFAULT_QUERY_TIMEOUT_SECONDS));
    }

    public DatabaseConfig withPoolSize(int newPoolSize) {
        return new DatabaseConfig(
                jdbcUrl, user, password, newPoolSize, connectionTimeout, queryTimeout);
    }

    /** A JDBC URL may carry a password as a parameter; never echo it. */
    public static String withoutCredentials(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl="
                + withoutCredentials(jdbcUrl)
                + ", user="
                + user
                + ", password="
                + (password.isEmpty() ? "(none)" : "***")
                + ", poolSize="
                + poolSize
                + ", connectionTimeout="
                + connectionTimeout
                + ", queryTimeout="
                + queryTimeout
                + "]";
    }
}
