package io.spotifyinsight.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spotifyinsight.persistence.JobLock;
import io.spotifyinsight.persistence.recommendation.DayLookup;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.spotify.fake.FakeSpotify;
import io.spotifyinsight.spotify.fake.FakeSpotifyExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end: the shaded jar launched as a process ({@code java -jar fetcher-job.jar}), as cron
 * runs it, against the fake Spotify (a real HTTP server in this JVM) and a real PostgreSQL
 * database.
 */
class FetcherJarIT {
    @RegisterExtension static final TestDatabase db = new TestDatabase();
    @RegisterExtension static final FakeSpotifyExtension spotify = new FakeSpotifyExtension();
    FakeSpotify fake;
    static Path jar;

    @BeforeAll
    static void theJarIsBuilt() {
        jar = FetcherProcess.jar();
        assertThat(jar).as("the shaded jar (built in the package phase)").exists();
    }

    @BeforeEach
    void setUp() {
        fake = spotify.fake();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(db.env());
        env.putAll(fake.env());
        env.put("FETCHER_SOURCES", "none");
        return env;
    }

    @Test
    void a_nightly_run_of_a_development_mode_app_falls_back_to_the_blend_and_logs_plain_lines()
            throws Exception {
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);
        Map<String, String> env = env();
        String artist = fake.catalog().artists().get(5).id();
        for (String name : List.of("alice", "bob", "carol")) {
            CliResult added =
                    FetcherProcess.run(
                            env,
                            "users",
                            "add",
                            name,
                            "--artist",
                            "https://open.spotify.com/artist/" + artist,
                            "--genre",
                            fake.catalog().artists().get(5).genres().get(0),
                            "--limit",
                            "10");
            assertThat(added.exitCode()).as(added.toString()).isZero();
            assertThat(added.err()).contains("genre check skipped");
        }

        CliResult run = FetcherProcess.run(env); // no command: the nightly run for today

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("3 of 3 users stored", "strategy auto via blend");
        assertThat(
                        Pattern.compile("no access to /v1/recommendations")
                                .matcher(run.err())
                                .results()
                                .count())
                .as(run.err())
                .isEqualTo(1);
        assertThat(run.err().lines().filter(l -> !l.isBlank()))
                .allMatch(
                        line ->
                                line.matches(
                                        "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}.*"));
        assertThat(run.all()).doesNotContain(fake.clientSecret());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DayLookup day = new RecommendationRepository(db.dsl()).findDay("bob", today);
        assertThat(day).isInstanceOf(DayLookup.Found.class);
        assertThat(((DayLookup.Found) day).day().strategy()).isEqualTo(Strategy.BLEND);
        assertThat(((DayLookup.Found) day).day().tracks()).hasSize(10);

        CliResult runs = FetcherProcess.run(db.env(), "runs");
        assertThat(runs.exitCode()).isZero();
        assertThat(runs.out()).contains(today.toString(), "auto", "succeeded");
    }

    @Test
    void a_terminal_run_with_stderr_appended_to_a_file_logs_no_progress_control_characters()
            throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(
                Files.isExecutable(script) && Files.isDirectory(Path.of("/proc/self/fd")),
                "needs util-linux's script (a pseudo-terminal) and /proc");
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);
        Map<String, String> env = env();
        var artist = fake.catalog().artists().get(9);
        assertThat(
                        FetcherProcess.run(
                                        env,
                                        "users",
                                        "add",
                                        "ttyuser",
                                        "--artist",
                                        artist.id(),
                                        "--limit",
                                        "5",
                                        "--disabled")
                                .exitCode())
                .isZero(); // disabled: the nightly-run test counts the active users
        Path log = Files.createTempFile("fetcher", ".log");
        Path screen = Files.createTempFile("fetcher-screen", ".txt");
        // stdin and stdout are the pseudo-terminal (System.console() is not null), stderr goes to
        // the log
        String command =
                "'"
                        + Path.of(System.getProperty("java.home"), "bin", "java")
                        + "' -jar '"
                        + jar.toAbsolutePath()
                        + "' run --user ttyuser 2>>'"
                        + log
                        + "'";
        ProcessBuilder builder =
                new ProcessBuilder(script.toString(), "-qec", command, "/dev/null");
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        Process process = builder.redirectOutput(screen.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("finished within 90 s").isTrue();

        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(logged + Files.readString(screen)).isZero();
        assertThat(logged).contains("ttyuser: 5 tracks (blend)").doesNotContain("\r", "\u001b");
        Files.delete(log);
        Files.delete(screen);
    }

    @Test
    void bad_arguments_and_missing_configuration_exit_2() throws Exception {
        CliResult missing = FetcherProcess.run(db.env(), "run");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err()).contains("SPOTIFY_CLIENT_ID is missing");

        CliResult badDate = FetcherProcess.run(env(), "run", "--date", "yesterday");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("expected a date as YYYY-MM-DD");

        CliResult badZone =
                FetcherProcess.run(
                        Map.of(
                                "APP_TIMEZONE",
                                "Nowhere/Special",
                                "SPOTIFY_CLIENT_ID",
                                "x",
                                "SPOTIFY_CLIENT_SECRET",
                                "y"),
                        "run");
        assertThat(badZone.exitCode()).isEqualTo(2);
        assertThat(badZone.err()).contains("APP_TIMEZONE");
    }

    @Test
    void a_second_process_exits_3_while_a_run_holds_the_lock() throws Exception {
        try (JobLock held = JobLock.tryAcquire(db.dataSource()).orElseThrow()) {
            CliResult second = FetcherProcess.run(env(), "run");
            assertThat(second.exitCode()).as(second.toString()).isEqualTo(3);
            assertThat(second.err())
                    .contains("another fetch run is in progress (lock held); exiting");
        }
    }

    @Test
    void version_and_help() throws Exception {
        CliResult version = FetcherProcess.run(Map.of(), "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("fetcher-job 1.0.0-SNAPSHOT");
        CliResult help = FetcherProcess.run(Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("run", "users", "migrate", "runs", "Exit codes:");
    }
}
