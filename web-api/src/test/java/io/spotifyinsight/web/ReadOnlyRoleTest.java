package io.spotifyinsight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.web.testing.StoredLists;
import io.spotifyinsight.web.testing.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web API needs nothing but SELECT: run as a role that has only that (the README's {@code
 * spotify_insight_web}, here a per-database copy), with {@code WEB_MIGRATE=false}, every route
 * answers.
 */
class ReadOnlyRoleTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase();
    static String role;
    static TestServer server;

    @BeforeAll
    static void start() {
        var stored = new StoredLists(db.dsl());
        stored.day(
                stored.user("alice"),
                TestServer.TODAY.minusDays(1),
                Strategy.BLEND,
                OffsetDateTime.of(2026, 3, 9, 3, 0, 0, 0, ZoneOffset.UTC),
                0,
                5);
        role = ("ro_" + db.databaseName()).toLowerCase(java.util.Locale.ROOT);
        // the same grants as the README's manual install
        db.dsl().execute("CREATE ROLE " + role + " LOGIN PASSWORD 'reader-pass'");
        db.dsl().execute("GRANT CONNECT ON DATABASE " + db.databaseName() + " TO " + role);
        db.dsl().execute("GRANT USAGE ON SCHEMA public TO " + role);
        db.dsl().execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
        server =
                TestServer.start(
                        db.env(),
                        Map.of(
                                "DATABASE_USER",
                                role,
                                "DATABASE_PASSWORD",
                                "reader-pass",
                                "WEB_MIGRATE",
                                "false"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        db.dsl().execute("DROP OWNED BY " + role);
        db.dsl().execute("DROP ROLE IF EXISTS " + role);
    }

    @Test
    void the_role_really_cannot_write() throws SQLException {
        try (Connection reader = DriverManager.getConnection(db.jdbcUrl(), role, "reader-pass")) {
            assertThatThrownBy(() -> reader.createStatement().execute("DELETE FROM recommendation"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void every_route_answers_with_select_only() throws Exception {
        String past = TestServer.TODAY.minusDays(1).toString();
        for (String path :
                List.of(
                        "/health",
                        "/users",
                        "/user-recommendations/alice?date=" + past,
                        "/user-recommendations/alice?date=" + past + "&format=csv",
                        "/user-recommendations/alice?date=" + past + "&format=xspf",
                        "/users/alice/recommendations?from=" + past + "&to=" + past,
                        "/",
                        "/u/alice",
                        "/u/alice/" + past,
                        "/metrics")) {
            try (Response response = server.get(path)) {
                assertThat(response.code()).as(path).isEqualTo(200);
            }
        }
        try (Response health = server.get("/health")) {
            assertThat(health.body().string()).contains("\"up\"");
        }
    }
}
