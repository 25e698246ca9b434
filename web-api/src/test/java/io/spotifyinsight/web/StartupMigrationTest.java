package io.spotifyinsight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.web.testing.FreePort;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Main.migrate} at start-up: a schema that cannot be migrated stops the web API with a
 * message saying what to do; only an unreachable database lets it start (and answer 503 until it is
 * back).
 */
class StartupMigrationTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase();

    @Test
    void an_up_to_date_schema_migrates_quietly() {
        try (Database database = open(db.env())) {
            assertThatCode(() -> Main.migrate(database)).doesNotThrowAnyException();
        }
    }

    @Test
    void an_applied_migration_changed_since_stops_the_start_naming_the_migration_and_the_way_out() {
        db.dsl()
                .execute(
                        "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version ="
                                + " '1'");
        try (Database database = open(db.env())) {
            assertThatThrownBy(() -> Main.migrate(database))
                    .isInstanceOf(Main.MigrationFailedException.class)
                    .hasMessageStartingWith(
                            "web-api: could not migrate the database schema, so it does not start:"
                                    + " ")
                    .hasMessageContaining("checksum mismatch for migration version 1")
                    .hasMessageContaining("WEB_MIGRATE=false");
        } finally {
            db.dsl()
                    .execute(
                            "UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version"
                                    + " = '1'");
        }
    }

    @Test
    void a_failed_migration_in_the_history_stops_the_start() {
        // as Flyway leaves it when a migration's SQL failed half-way (on a database without
        // transactional DDL)
        db.dsl().execute("UPDATE flyway_schema_history SET success = false WHERE version = '2'");
        try (Database database = open(db.env())) {
            assertThatThrownBy(() -> Main.migrate(database))
                    .isInstanceOf(Main.MigrationFailedException.class)
                    .hasMessageContaining("failed migration to version 2");
        } finally {
            db.dsl().execute("UPDATE flyway_schema_history SET success = true WHERE version = '2'");
        }
    }

    @Test
    void an_unreachable_database_does_not_stop_the_start() throws IOException {
        int closedPort = FreePort.find();
        Map<String, String> env = new HashMap<>(db.env());
        env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere");
        env.put("DATABASE_CONNECTION_TIMEOUT_SECONDS", "1");
        try (Database database = open(env)) {
            assertThatCode(() -> Main.migrate(database)).doesNotThrowAnyException();
        }
    }

    @Test
    void unreachable_means_no_connection_not_a_refusal() {
        assertThat(
                        Main.unreachable(
                                new RuntimeException(
                                        new java.sql.SQLException("refused", "08001"))))
                .isTrue();
        assertThat(Main.unreachable(new RuntimeException(new java.net.ConnectException("refused"))))
                .isTrue();
        assertThat(
                        Main.unreachable(
                                new RuntimeException(new java.sql.SQLException("syntax", "42601"))))
                .isFalse();
        assertThat(Main.unreachable(new IllegalStateException("checksum mismatch"))).isFalse();
    }

    private static Database open(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("DATABASE_POOL_SIZE", "2"));
        all.putAll(env);
        return Database.open(WebConfig.fromEnv(all).database(), "startup-migration-test");
    }
}
