package io.spotifyinsight.persistence.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Finds the PostgreSQL server for integration tests, once per JVM, in this order:
 *
 * <ol>
 *   <li>{@code SPOTIFY_INSIGHT_TEST_DB_URL} (JDBC URL of any database on a server where {@code
 *       SPOTIFY_INSIGHT_TEST_DB_USER} may CREATE DATABASE; password in {@code
 *       SPOTIFY_INSIGHT_TEST_DB_PASSWORD}): an explicit choice wins;
 *   <li>a Testcontainers PostgreSQL, when a Docker engine answers (image {@code
 *       postgres:15-alpine}, or the one {@code SPOTIFY_INSIGHT_TEST_DB_IMAGE} names);
 *   <li>a server on localhost:5432 that lets user {@code postgres} in.
 * </ol>
 *
 * When none works, the error says exactly what to provide.
 */
public final class TestPostgres {
    public static final String URL_VARIABLE = "SPOTIFY_INSIGHT_TEST_DB_URL";
    public static final String USER_VARIABLE = "SPOTIFY_INSIGHT_TEST_DB_USER";
    public static final String PASSWORD_VARIABLE = "SPOTIFY_INSIGHT_TEST_DB_PASSWORD";
    static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private static PostgresServer server;

    private TestPostgres() {}

    public static synchronized PostgresServer server() {
        if (server == null) {
            server = find(System.getenv());
        }
        return server;
    }

    static PostgresServer find(Map<String, String> env) {
        String url = env.get(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            PostgresServer explicit =
                    new PostgresServer(
                            url.trim(),
                            env.getOrDefault(USER_VARIABLE, "postgres"),
                            env.get(PASSWORD_VARIABLE),
                            URL_VARIABLE);
            String problem = tryConnect(explicit);
            if (problem != null) {
                throw new IllegalStateException(
                        URL_VARIABLE
                                + "="
                                + url
                                + " is set, but its server cannot be used: "
                                + problem
                                + ". "
                                + WHAT_TO_PROVIDE);
            }
            return explicit;
        }
        // Testcontainers' classes load only on this path, so a configured server never pays for
        // them.
        if (ContainerPostgres.dockerAvailable()) {
            return ContainerPostgres.start(env);
        }
        PostgresServer local = new PostgresServer(LOCAL_URL, "postgres", "", "localhost:5432");
        String problem = tryConnect(local);
        if (problem == null) {
            return local;
        }
        throw new IllegalStateException(
                "No PostgreSQL for the integration tests: "
                        + URL_VARIABLE
                        + " is not set, no Docker engine answers for Testcontainers, and"
                        + " localhost:5432 refused user postgres ("
                        + problem
                        + "). "
                        + WHAT_TO_PROVIDE);
    }

    static final String WHAT_TO_PROVIDE =
            "Provide one of: (1) "
                    + URL_VARIABLE
                    + "=jdbc:postgresql://HOST:PORT/postgres with "
                    + USER_VARIABLE
                    + " and "
                    + PASSWORD_VARIABLE
                    + " for a role that may CREATE DATABASE (PostgreSQL 12 or newer); (2) a running"
                    + " Docker engine; (3) PostgreSQL on localhost:5432 accepting user postgres"
                    + " without a password.";

    private static String tryConnect(PostgresServer candidate) {
        try (Connection ignored =
                DriverManager.getConnection(
                        candidate.adminUrl(), candidate.user(), candidate.password())) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
