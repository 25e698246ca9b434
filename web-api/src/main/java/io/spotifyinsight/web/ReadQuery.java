package io.spotifyinsight.web;

import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.MockConnection;

/**
 * Benchmark-only: nothing in the running server uses it; {@code --print-read-query} prints it for
 * bench/run.sh, and WebConfigTest checks it. The SQL of the read path, exactly as jOOQ renders it
 * for {@code findDay}, captured without a database (a mock connection records the statement). The
 * benchmark feeds it to pgbench, so the database's ceiling is measured with the endpoint's own
 * query. Placeholders become pgbench variables {@code :date} and {@code :username}.
 */
final class ReadQuery {
    private ReadQuery() {}

    static String sql() {
        AtomicReference<String> captured = new AtomicReference<>();
        var connection =
                new MockConnection(
                        ctx -> {
                            captured.set(ctx.sql());
                            throw new java.sql.SQLException("captured");
                        });
        var dsl =
                DSL.using(
                        connection,
                        SQLDialect.POSTGRES,
                        new Settings().withRenderSchema(false).withExecuteLogging(false));
        try {
            new RecommendationRepository(dsl).findDay("u", LocalDate.of(2000, 1, 1));
        } catch (RuntimeException expected) {
            // the mock refuses to execute: the SQL is all we wanted
        }
        String sql = captured.get();
        if (sql == null) {
            throw new IllegalStateException("the read query was not captured");
        }
        // Bind order: the date (in the join condition), then the username (in WHERE).
        return sql.replaceFirst("\\?", ":date").replaceFirst("\\?", ":username") + ";";
    }
}
