package io.spotifyinsight.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.fetcher.testing.Loopback;
import io.spotifyinsight.persistence.JobLock;
import io.spotifyinsight.persistence.run.FetchRunRepository;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.persistence.user.UserRepository;
import io.spotifyinsight.spotify.fake.FakeSpotify;
import io.spotifyinsight.spotify.fake.FakeSpotifyExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code run} command in-process, end to end, with a webhook receiver and a metrics file: what
 * a finished run, a refused one and a run that could not start tell, and that telling never changes
 * the exit code.
 */
class RunReportingTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase(8);
    @RegisterExtension static final FakeSpotifyExtension spotify = new FakeSpotifyExtension();
    FakeSpotify fake;
    static final AtomicInteger names = new AtomicInteger();
    static final String DAY = "2025-04-01";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    MockWebServer receiver;
    Path metricsFile;
    InProcessCli cli;
    UserRepository users;

    @BeforeEach
    void setUp() throws IOException {
        fake = spotify.fake(); // extended quota, no faults, an empty log
        receiver = Loopback.receiverAnsweringOk();
        metricsFile = dir.resolve("spotify_insight_fetcher.prom");
        cli =
                new InProcessCli(
                        InProcessCli.merge(
                                db.env(),
                                fake.env(),
                                Map.of(
                                        "FETCHER_SOURCES",
                                        "none",
                                        "SPOTIFY_RETRY_BUDGET_SECONDS",
                                        "20",
                                        "NOTIFY_WEBHOOK_URL",
                                        receiver.url("/hooks/tok-" + names.incrementAndGet())
                                                .toString(),
                                        "FETCHER_METRICS_FILE",
                                        metricsFile.toString())));
        users = new UserRepository(db.dsl());
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private String newUser() {
        int n = names.incrementAndGet();
        String name = "report" + n;
        users.create(TestUsers.active(name, 5, TestUsers.artistAndGenre(fake.catalog(), n)));
        return name;
    }

    private String badUser() {
        String name = "report-bad-" + names.incrementAndGet();
        users.create(TestUsers.active(name, 5, TestUsers.genres("no-such-genre")));
        return name;
    }

    private JsonNode notification() throws Exception {
        RecordedRequest request = receiver.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a notification reached the receiver").isNotNull();
        return JSON.readTree(request.getBody().string(StandardCharsets.UTF_8));
    }

    private Map<String, Double> metrics() throws IOException {
        Map<String, Double> samples = new java.util.HashMap<>();
        Matcher m =
                Pattern.compile("(?m)^([a-z_]+(?:\\{[^}]*})?) (\\S+)$")
                        .matcher(Files.readString(metricsFile));
        while (m.find()) {
            samples.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return samples;
    }

    private static double lastSuccessInDatabase() {
        return new FetchRunRepository(db.dsl())
                        .lastSucceededAt()
                        .orElseThrow()
                        .toInstant()
                        .toEpochMilli()
                / 1000.0;
    }

    @Test
    void a_partial_run_is_notified_with_its_failed_alias_and_its_metrics_keep_the_last_success()
            throws Exception {
        String good = newUser();
        assertThat(cli.run("run", "--date", DAY, "--user", good).exitCode()).isZero();
        assertThat(receiver.getRequestCount())
                .as("NOTIFY_ON=failure: a successful run is not notified")
                .isZero();
        double lastSuccess = lastSuccessInDatabase();
        String bad = badUser();

        CliResult result =
                cli.run(
                        "run",
                        "--date",
                        DAY,
                        "--user",
                        good,
                        "--user",
                        bad,
                        "--strategy",
                        "spotify");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.SOME_FAILED);
        JsonNode doc = notification();
        assertThat(doc.get("event").asText()).isEqualTo("run_finished");
        assertThat(doc.get("status").asText()).isEqualTo("partial");
        assertThat(doc.get("run_id").asLong())
                .isEqualTo(new FetchRunRepository(db.dsl()).latest(1).get(0).id());
        assertThat(doc.get("date").asText()).isEqualTo(DAY);
        assertThat(doc.get("strategy").asText()).isEqualTo("spotify");
        assertThat(doc.get("users_stored").asInt()).isEqualTo(1);
        assertThat(doc.get("users_failed").asInt()).isEqualTo(1);
        assertThat(doc.get("users_total").asInt()).isEqualTo(2);
        assertThat(doc.get("tracks").asInt()).isEqualTo(5);
        assertThat(doc.get("failed").get(0).get("alias").asText()).isEqualTo(bad);
        assertThat(doc.get("failed").get(0).get("reason").asText()).startsWith("no tracks found");
        assertThat(doc.get("text").asText()).contains("partial: 1 of 2 aliases stored", bad);
        Map<String, Double> samples = metrics();
        assertThat(samples)
                .containsEntry("spotify_insight_fetcher_last_run_status{status=\"partial\"}", 1.0)
                .containsEntry(
                        "spotify_insight_fetcher_last_success_timestamp_seconds", lastSuccess)
                .containsEntry("spotify_insight_fetcher_last_run_users{result=\"failed\"}", 1.0)
                .containsEntry("spotify_insight_fetcher_last_run_tracks", 5.0);
        assertThat(samples.get("spotify_insight_fetcher_last_run_requests{service=\"spotify\"}"))
                .isPositive();
    }

    @Test
    void notify_on_always_tells_a_success_and_a_receiver_that_is_down_changes_nothing()
            throws Exception {
        String user = newUser();
        CliResult told =
                cli.with("NOTIFY_ON", "always")
                        .with("NOTIFY_FORMAT", "slack")
                        .run("run", "--date", DAY, "--user", user);
        assertThat(told.exitCode()).as(told.toString()).isZero();
        assertThat(notification().get("text").asText())
                .contains("succeeded: 1 of 1 aliases stored");

        int closedPort = Loopback.closedPort();
        CliResult down =
                cli.with("NOTIFY_ON", "always")
                        .with(
                                "NOTIFY_WEBHOOK_URL",
                                "http://127.0.0.1:" + closedPort + "/hooks/secret-token-xyz")
                        .run("run", "--date", DAY, "--user", user);

        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.all()).doesNotContain("secret-token-xyz");
        assertThat(metrics())
                .containsEntry("spotify_insight_fetcher_last_run_status{status=\"succeeded\"}", 1.0)
                .containsEntry(
                        "spotify_insight_fetcher_last_success_timestamp_seconds",
                        lastSuccessInDatabase());
    }

    @Test
    void a_run_refused_by_the_lock_is_notified_as_not_started() throws Exception {
        String user = newUser();
        try (JobLock held = JobLock.tryAcquire(db.dataSource()).orElseThrow()) {
            CliResult result = cli.run("run", "--date", DAY, "--user", user);
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.UNAVAILABLE);
        }

        JsonNode doc = notification();
        assertThat(doc.get("event").asText()).isEqualTo("run_not_started");
        assertThat(doc.get("status").asText()).isEqualTo("not_started");
        assertThat(doc.get("date").asText()).isEqualTo(DAY);
        assertThat(doc.get("reason").asText())
                .isEqualTo("another fetch run is in progress (lock held)");
        assertThat(metrics())
                .containsEntry(
                        "spotify_insight_fetcher_last_run_status{status=\"not_started\"}", 1.0);
    }

    @Test
    void an_invalid_setting_is_notified_as_not_started_naming_the_variable() throws Exception {
        CliResult result = cli.with("FETCHER_CONCURRENCY", "lots").run("run", "--date", DAY);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE);
        JsonNode doc = notification();
        assertThat(doc.get("status").asText()).isEqualTo("not_started");
        assertThat(doc.get("date").asText()).isEqualTo(DAY);
        assertThat(doc.get("reason").asText())
                .startsWith("configuration error: ")
                .contains("FETCHER_CONCURRENCY is 'lots'")
                .doesNotContain("\n");
        assertThat(metrics())
                .containsEntry(
                        "spotify_insight_fetcher_last_run_status{status=\"not_started\"}", 1.0)
                .doesNotContainKey("spotify_insight_fetcher_last_success_timestamp_seconds");
    }

    @Test
    void an_unreachable_database_is_notified_and_exits_3() throws Exception {
        int closedPort = Loopback.closedPort();
        CliResult result =
                cli.with("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere")
                        .with("DATABASE_CONNECTION_TIMEOUT_SECONDS", "1")
                        .run("run", "--date", DAY);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.UNAVAILABLE);
        JsonNode doc = notification();
        assertThat(doc.get("status").asText()).isEqualTo("not_started");
        assertThat(doc.get("reason").asText()).contains("the database is unreachable");
    }

    @Test
    void invalid_notification_and_metrics_settings_stop_the_run_before_any_work() {
        CliResult result =
                cli.with("NOTIFY_FORMAT", "teams")
                        .with("FETCHER_METRICS_FILE", dir.resolve("m.txt").toString())
                        .with("LOG_FORMAT", "yaml")
                        .run("run", "--date", DAY);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err())
                .contains(
                        "NOTIFY_FORMAT is 'teams': expected json",
                        "FETCHER_METRICS_FILE is",
                        "expected a file name ending in .prom",
                        "LOG_FORMAT is 'yaml': expected text");
        assertThat(receiver.getRequestCount())
                .as("no usable notification settings: nothing sent")
                .isZero();
        assertThat(fake.apiRequests()).isEmpty();
    }

    @Test
    void a_dry_run_tells_nobody() {
        String user = newUser();
        CliResult result =
                cli.with("NOTIFY_ON", "always")
                        .run("run", "--date", DAY, "--user", user, "--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(receiver.getRequestCount()).isZero();
        assertThat(metricsFile).doesNotExist();
    }
}
