package io.spotifyinsight.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifyinsight.persistence.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationsTest {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.empty();

    @Test
    @Order(1)
    void migrate_fromAnEmptyDatabase_createsTheSchemaAndIsIdempotent() {
        assertThat(Migrations.currentVersion(db.dataSource())).isEqualTo("none");

        String version = Migrations.migrate(db.dataSource());

        assertThat(version).isEqualTo(Migrations.latestAvailableVersion(db.dataSource()));
        List<String> tables = db.dsl().fetch(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
                .getValues(0, String.class);
        assertThat(tables).contains("app_user", "user_seed", "artist", "album", "track", "track_artist",
                "recommendation", "fetch_run", "flyway_schema_history");
        assertThat(Migrations.migrate(db.dataSource())).isEqualTo(version);
    }

    @Test
    @Order(2)
    void migrate_fromTwoProcessesAtOnce_isSafe_andAppliesEachMigrationOnce() throws Exception {
        // A second empty database: the first test has migrated this class's one already.
        String name = db.databaseName() + "_twice";
        db.dsl().execute("CREATE DATABASE " + name + " TEMPLATE template0");
        DatabaseConfig config = DatabaseConfig.of(db.jdbcUrl().replace(db.databaseName(), name), db.user(), db.password())
                .withPoolSize(2);
        try (Database first = Database.open(config, "migrate-1"); Database second = Database.open(config, "migrate-2")) {
            var start = new java.util.concurrent.CyclicBarrier(2);
            var a = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                await(start);
                return Migrations.migrate(first.dataSource());
            });
            var b = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                await(start);
                return Migrations.migrate(second.dataSource());
            });
            assertThat(a.get()).isEqualTo(b.get()).isEqualTo(Migrations.latestAvailableVersion(first.dataSource()));
            assertThat(first.dsl().fetchValue(
                    "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL", Long.class))
                    .isEqualTo((long) first.dsl().fetchValue(
                            "SELECT count(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL", Long.class));
        } finally {
            db.dsl().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void await(java.util.concurrent.CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void schema_hasNoColumnThatCouldHoldASecret() {
        Migrations.migrate(db.dataSource());
        List<String> columns = db.dsl().fetch(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'")
                .getValues(0, String.class);
        assertThat(columns).noneMatch(c -> c.contains("secret") || c.contains("password") || c.contains("token"));
    }

    @Test
    void readPath_usesThePrimaryKeyIndex_notAScan() {
        Migrations.migrate(db.dataSource());
        db.dsl().execute("SET enable_seqscan = off");
        String plan = String.join("\n", db.dsl().fetch(
                "EXPLAIN SELECT * FROM recommendation WHERE user_id = 1 AND list_date = DATE '2026-01-01' ORDER BY position")
                .getValues(0, String.class));
        assertThat(plan).contains("recommendation_pk").doesNotContain("Sort");
    }
}
