package io.spotifyinsight.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.spotifyinsight.persistence.testing.TcpProxy;
import io.spotifyinsight.persistence.testing.TestDatabase;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every database call is bounded: by the server's statement_timeout and by a socket timeout. */
class DatabaseTimeoutsTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase();

    private static DatabaseConfig oneSecond(String url) {
        return new DatabaseConfig(
                url, db.user(), db.password(), 2, Duration.ofSeconds(5), Duration.ofSeconds(1));
    }

    @Test
    void the_server_cancels_a_statement_past_the_query_timeout_even_without_a_client_timeout()
            throws SQLException {
        try (Database database = Database.open(oneSecond(db.jdbcUrl()), "timeouts-test");
                Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            try (var result = statement.executeQuery("SHOW statement_timeout")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("1s");
            }
            // plain JDBC, no setQueryTimeout: only the server-side setting can stop it
            assertThatThrownBy(() -> statement.execute("SELECT pg_sleep(5)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(
                            e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
        }
    }

    @Test
    void a_slow_statement_is_a_timeout_of_that_call_not_an_unreachable_database() {
        try (Database database = Database.open(oneSecond(db.jdbcUrl()), "timeouts-test")) {
            assertThatThrownBy(() -> database.dsl().fetchValue("SELECT pg_sleep(5)"))
                    .isInstanceOf(DatabaseTimeoutException.class)
                    .hasMessageContaining("DATABASE_QUERY_TIMEOUT_SECONDS");
            assertThat(database.dsl().fetchValue("SELECT 1")).isEqualTo(1);
        }
    }

    @Test
    void a_silent_network_failure_ends_a_read_after_the_socket_timeout_instead_of_hours()
            throws Exception {
        URI target = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort());
                Database database =
                        Database.open(
                                oneSecond(
                                        "jdbc:postgresql://127.0.0.1:"
                                                + proxy.port()
                                                + target.getPath()),
                                "timeouts-test");
                Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            proxy.freeze();
            // neither the answer nor the cancel request gets through; the kernel would wait ~2 h
            assertTimeoutPreemptively(
                    Duration.ofSeconds(30),
                    () ->
                            assertThatThrownBy(() -> statement.execute("SELECT 1"))
                                    .isInstanceOf(SQLException.class)
                                    .satisfies(
                                            e ->
                                                    assertThat(((SQLException) e).getSQLState())
                                                            .startsWith("08")));
        }
    }
}
