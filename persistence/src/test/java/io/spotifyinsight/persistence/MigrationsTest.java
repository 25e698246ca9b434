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
