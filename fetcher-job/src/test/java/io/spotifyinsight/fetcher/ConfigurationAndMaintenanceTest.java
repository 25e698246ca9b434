package io.spotifyinsight.fetcher;

import static io.spotifyinsight.fetcher.UsersCommandsTest.assertUsage;
import static org.assertj.core.api.Assertions.assertThat;

import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.spotify.fake.FakeSpotify;
import io.spotifyinsight.spotify.fake.FakeSpotifyExtension;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Configuration errors (exit 2, before any work), an unreachable database (exit 3), migrate, help,
 * version.
 */
class ConfigurationAndMaintenanceTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase();
    @RegisterExtension static final FakeSpotifyExtension spotify = new FakeSpotifyExtension();
    FakeSpotify fake;

    @BeforeEach
    void setUp() {
        fake = spotify.fake();
    }

    private InProcessCli cli() {
        return new InProcessCli(
                InProcessCli.merge(db.env(), fake.env(), Map.of("FETCHER_SOURCES", "none")));
    }

    @Test
    void missing_credentials_are_reported_by_variable_before_any_request() {
        CliResult result =
                cli().with("SPOTIFY_CLIENT_ID", null).with("SPOTIFY_CLIENT_SECRET", " ").run("run");
        assertUsage(result, "SPOTIFY_CLIENT_ID is missing", "SPOTIFY_CLIENT_SECRET is missing");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void every_bad_variable_is_reported_at_once() {
        CliResult result =
                cli().with("APP_TIMEZONE", "Mars/Olympus")
                        .with("FETCHER_STRATEGY", "fastest")
                        .with("FETCHER_CONCURRENCY", "0")
                        .with("SPOTIFY_API_URL", "not a url")
                        .with("DATABASE_POOL_SIZE", "lots")
                        .run();
        assertUsage(
                result,
                "APP_TIMEZONE is 'Mars/Olympus'",
                "IANA time zone",
                "FETCHER_STRATEGY is 'fastest': expected auto, spotify, search or blend",
                "FETCHER_CONCURRENCY is '0'",
                "1 to 64",
                "SPOTIFY_API_URL",
                "DATABASE_POOL_SIZE");
    }

    @Test
    void commands_that_do_not_call_spotify_need_no_spotify_variables() {
        InProcessCli databaseOnly = new InProcessCli(db.env());
        assertThat(databaseOnly.run("users", "list").exitCode()).isZero();
        assertThat(databaseOnly.run("runs").exitCode()).isZero();
        CliResult migrate = databaseOnly.run("migrate");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.out())
                .containsPattern("database schema version \\d+ \\(already up to date\\)");
    }

    @Test
    void an_unreachable_database_exits_3() {
        Map<String, String> env =
                InProcessCli.merge(
                        fake.env(),
                        Map.of(
                                "DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nothing",
                                "DATABASE_CONNECTION_TIMEOUT_SECONDS", "1"));
        CliResult run = new InProcessCli(env).run("run");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(run.err())
                .contains("the database is unreachable at jdbc:postgresql://127.0.0.1:1/nothing");
        assertThat(new InProcessCli(env).run("users", "list").exitCode())
                .isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(new InProcessCli(env).run("migrate").exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(fake.apiRequests()).isEmpty();
    }

    @Test
    void help_documents_exit_codes_and_variables_and_version_answers() {
        for (String[] args :
                new String[][] {
                    {"--help"},
                    {"run", "--help"},
                    {"migrate", "--help"},
                    {"runs", "--help"},
                    {"users", "--help"}
                }) {
            CliResult help = new InProcessCli(Map.of()).run(args);
            assertThat(help.exitCode()).isZero();
            assertThat(help.out())
                    .contains(
                            "Exit codes:",
                            "0   every user's list was stored",
                            "3   nothing could run");
        }
        assertThat(new InProcessCli(Map.of()).run("run", "--help").out())
                .contains(
                        "APP_TIMEZONE",
                        "FETCHER_CONCURRENCY",
                        "FETCHER_STRATEGY",
                        "SPOTIFY_CLIENT_ID",
                        "--dry-run");
        CliResult version = new InProcessCli(Map.of()).run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("fetcher-job");
    }
}
