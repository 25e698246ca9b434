package io.spotifyinsight.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.web.testing.FreePort;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The web jar on a schema it cannot migrate: it exits 1 with the reason instead of serving. */
class StartupMigrationIT {
    @RegisterExtension static final TestDatabase db = new TestDatabase();

    @Test
    void the_web_api_stops_with_exit_code_1_and_the_reason_when_a_migration_was_changed()
            throws Exception {
        db.dsl()
                .execute(
                        "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version ="
                                + " '1'");
        Map<String, String> env = WebJar.listeningOn(FreePort.find(), db.env());
        JavaProcess.Result result =
                JavaProcess.run(
                        "web-api-bad-schema", WebJar.command(), env, Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output())
                .contains("web-api: could not migrate the database schema, so it does not start")
                .contains("checksum mismatch for migration version 1")
                .doesNotContain("listening on");
    }
}
