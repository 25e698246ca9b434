package io.spotifyinsight.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationsTest {
    @RegisterExtension static final TestDatabase db = TestDatabase.empty();

    @Test
    @Order(1)
    void migrate_fromAnEmptyDatabase_createsTheSchemaAndIsIdempotent() {
        assertThat(Migrations.currentVersion(db.dataSource())).isEqualTo("none");

        String version = Migrations.migrate(db.dataSource());

        assertThat(version).isEqualTo(Migrations.latestAvailableVersion(db.dataSource()));
        List<String> tables =
                strings(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                                + " 'public' ORDER BY 1");
        assertThat(tables)
                .contains(
                        "app_user",
                        "user_seed",
                        "artist",
                        "album",
                        "track",
                        "track_artist",
                        "recommendation",
                        "fetch_run",
                        "flyway_schema_history");
        assertThat(Migrations.migrate(db.dataSource())).isEqualTo(version);
    }

    @Test
    @Order(2)
    void migrate_fromTwoProcessesAtOnce_isSafe_andAppliesEachMigrationOnce() throws Exception {
        // A second empty database: the first test has migrated this class's one already.
        String name = db.databaseName() + "_twice";
        db.dsl().execute("CREATE DATABASE " + name + " TEMPLATE template0");
        DatabaseConfig config =
                DatabaseConfig.of(
                                db.jdbcUrl().replace(db.databaseName(), name),
                                db.user(),
                                db.password())
                        .withPoolSize(2);
        try (Database first = Database.open(config, "migrate-1");
                Database second = Database.open(config, "migrate-2")) {
            var start = new java.util.concurrent.CyclicBarrier(2);
            var a = migrateAfter(start, first);
            var b = migrateAfter(start, second);
            assertThat(a.get())
                    .isEqualTo(b.get())
                    .isEqualTo(Migrations.latestAvailableVersion(first.dataSource()));
            assertThat(
                            first.dsl()
                                    .fetchValue(
                                            "SELECT count(*) FROM flyway_schema_history WHERE"
                                                    + " success AND version IS NOT NULL",
                                            Long.class))
                    .isEqualTo(
                            (long)
                                    first.dsl()
                                            .fetchValue(
                                                    "SELECT count(DISTINCT version) FROM"
                                                        + " flyway_schema_history WHERE version IS"
                                                        + " NOT NULL",
                                                    Long.class));
        } finally {
            db.dsl().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** The first column of what {@code sql} selects. */
    private static List<String> strings(String sql) {
        return db.dsl().fetch(sql).getValues(0, String.class);
    }

    /** Migrates {@code database} in another thread once both migrations are ready to start. */
    private static java.util.concurrent.CompletableFuture<String> migrateAfter(
            java.util.concurrent.CyclicBarrier start, Database database) {
        return java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    await(start);
                    return Migrations.migrate(database.dataSource());
                });
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
        List<String> columns =
                strings(
                        "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                                + " 'public'");
        assertThat(columns)
                .noneMatch(
                        c -> c.contains("secret") || c.contains("password") || c.contains("token"));
    }

    @Test
    void readPath_usesThePrimaryKeyIndex_notAScan() {
        Migrations.migrate(db.dataSource());
        // One connection for the setting, the read and the EXPLAIN: a pooled dsl() could run each
        // on another.
        db.dsl()
                .connection(
                        connection -> {
                            List<String> statements = new ArrayList<>();
                            List<Object> binds = new ArrayList<>();
                            Connection recording = recording(connection, statements, binds);
                            try (Statement setting = connection.createStatement()) {
                                setting.execute("SET enable_seqscan = off");
                            }
                            // the repository's own read, as the web API runs it
                            new RecommendationRepository(DSL.using(recording, SQLDialect.POSTGRES))
                                    .findDay("alice", LocalDate.of(2026, 1, 1));
                            assertThat(statements).as("findDay reads in one statement").hasSize(1);
                            List<String> plan = new ArrayList<>();
                            try (PreparedStatement explain =
                                    connection.prepareStatement("EXPLAIN " + statements.get(0))) {
                                for (int i = 0; i < binds.size(); i++) {
                                    explain.setObject(i + 1, binds.get(i));
                                }
                                try (ResultSet rows = explain.executeQuery()) {
                                    while (rows.next()) {
                                        plan.add(rows.getString(1));
                                    }
                                }
                            }
                            String text = String.join("\n", plan);
                            // recommendation is reached through an index on (user_id, list_date)
                            // (the primary key or the
                            // unique key starting with the same columns; the planner may take
                            // either), never scanned
                            assertThat(text)
                                    .as(statements.get(0) + "\n" + text)
                                    .containsPattern(
                                            "(Index|Index Only|Bitmap Index) Scan using \\w+ on"
                                                    + " recommendation")
                                    .containsPattern(
                                            "Index Cond: .*user_id = .*list_date ="
                                                    + " '2026-01-01'::date")
                                    .doesNotContain("Seq Scan on recommendation");
                        });
    }

    /** {@code connection}, noting the SQL of each statement prepared on it and the values bound. */
    private static Connection recording(
            Connection connection, List<String> statements, List<Object> binds) {
        return (Connection)
                Proxy.newProxyInstance(
                        MigrationsTest.class.getClassLoader(),
                        new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            Object result = invoke(method, connection, args);
                            if (method.getName().equals("prepareStatement")
                                    && result instanceof PreparedStatement prepared) {
                                statements.add((String) args[0]);
                                return Proxy.newProxyInstance(
                                        MigrationsTest.class.getClassLoader(),
                                        new Class<?>[] {PreparedStatement.class},
                                        (p, m, a) -> {
                                            if (m.getName().startsWith("set")
                                                    && a != null
                                                    && a.length >= 2
                                                    && a[0] instanceof Integer) {
                                                binds.add(a[1]);
                                            }
                                            return invoke(m, prepared, a);
                                        });
                            }
                            return result;
                        });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
