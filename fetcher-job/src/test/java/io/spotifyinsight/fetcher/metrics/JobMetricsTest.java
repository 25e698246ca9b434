package io.spotifyinsight.fetcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.spotifyinsight.config.ConfigException;
import io.spotifyinsight.fetcher.FetcherEnvironment;
import io.spotifyinsight.fetcher.report.TestReports;
import io.spotifyinsight.fetcher.testing.CapturedLogs;
import io.spotifyinsight.fetcher.testing.LoopbackReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's metrics written to a textfile and pushed to a real receiver on loopback, then read
 * back.
 */
class JobMetricsTest {
    private static JobMetricsConfig read(Map<String, String> env) {
        return new FetcherEnvironment(env).metrics();
    }

    static final OffsetDateTime LAST_SUCCESS = OffsetDateTime.parse("2026-12-01T03:00:09Z");

    @TempDir Path dir;
    @RegisterExtension final CapturedLogs logs = new CapturedLogs(JobMetricsReporter.class);
    @RegisterExtension final LoopbackReceiver pushgateway = new LoopbackReceiver();

    private JobMetricsReporter reporter(
            Path file, boolean push, Optional<OffsetDateTime> lastSuccess) {
        var url = pushgateway.server().url("/");
        return new JobMetricsReporter(
                file,
                push ? url : null,
                push ? new PushgatewayClient(url, pushgateway.http(), Duration.ofSeconds(2)) : null,
                () -> lastSuccess);
    }

    @Test
    void the_textfile_holds_every_metric_of_the_last_run() throws IOException {
        Path file = dir.resolve("spotify_insight_fetcher.prom");

        reporter(file, false, Optional.of(LAST_SUCCESS)).report(TestReports.partial());

        String text = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, Double> samples = PromText.samples(text);
        assertThat(samples)
                .containsEntry(
                        "spotify_insight_fetcher_last_run_timestamp_seconds",
                        (double) TestReports.AT.getEpochSecond());
        assertThat(samples)
                .containsEntry(
                        "spotify_insight_fetcher_last_success_timestamp_seconds",
                        (double) LAST_SUCCESS.toEpochSecond());
        assertThat(samples).containsEntry("spotify_insight_fetcher_last_run_duration_seconds", 9.4);
        assertThat(samples)
                .containsEntry("spotify_insight_fetcher_last_run_status{status=\"partial\"}", 1.0)
                .containsEntry("spotify_insight_fetcher_last_run_status{status=\"succeeded\"}", 0.0)
                .containsEntry("spotify_insight_fetcher_last_run_status{status=\"failed\"}", 0.0)
                .containsEntry(
                        "spotify_insight_fetcher_last_run_status{status=\"not_started\"}", 0.0);
        assertThat(samples)
                .containsEntry("spotify_insight_fetcher_last_run_users{result=\"stored\"}", 2.0)
                .containsEntry("spotify_insight_fetcher_last_run_users{result=\"failed\"}", 1.0)
                .containsEntry("spotify_insight_fetcher_last_run_users{result=\"total\"}", 3.0);
        assertThat(samples).containsEntry("spotify_insight_fetcher_last_run_tracks", 40.0);
        assertThat(samples)
                .containsEntry(
                        "spotify_insight_fetcher_last_run_requests{service=\"spotify\"}", 26.0)
                .containsEntry(
                        "spotify_insight_fetcher_last_run_requests{service=\"lastfm\"}", 15.0)
                .containsEntry(
                        "spotify_insight_fetcher_last_run_rate_limited_responses"
                                + "{service=\"spotify\"}",
                        2.0);
        assertThat(PromText.types(text))
                .containsEntry("spotify_insight_fetcher_last_run_users", "gauge");
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void a_later_run_replaces_the_file_and_without_a_readable_history_the_last_success_is_left_out()
            throws IOException {
        Path file = dir.resolve("fetcher.prom");
        reporter(file, false, Optional.of(LAST_SUCCESS)).report(TestReports.succeeded());
        JobMetricsReporter databaseAway =
                new JobMetricsReporter(
                        file,
                        null,
                        null,
                        () -> {
                            throw new IllegalStateException("the database was not opened");
                        });

        databaseAway.report(TestReports.notStarted());

        Map<String, Double> samples = PromText.samples(Files.readString(file));
        assertThat(samples)
                .containsEntry(
                        "spotify_insight_fetcher_last_run_status{status=\"not_started\"}", 1.0)
                .containsEntry("spotify_insight_fetcher_last_run_status{status=\"succeeded\"}", 0.0)
                .doesNotContainKey("spotify_insight_fetcher_last_success_timestamp_seconds")
                .doesNotContainKey(
                        "spotify_insight_fetcher_last_run_requests{service=\"spotify\"}");
    }

    @Test
    void the_push_replaces_the_jobs_group_with_a_put_of_the_text_format() throws Exception {
        pushgateway.answer(200);

        reporter(null, true, Optional.of(LAST_SUCCESS)).report(TestReports.succeeded());

        RecordedRequest push = pushgateway.take();
        assertThat(push).isNotNull();
        assertThat(push.getMethod()).isEqualTo("PUT");
        assertThat(push.getUrl().encodedPath()).isEqualTo("/metrics/job/spotify_insight_fetcher");
        assertThat(push.getHeaders().get("Content-Type")).startsWith("text/plain; version=0.0.4");
        Map<String, Double> samples =
                PromText.samples(push.getBody().string(StandardCharsets.UTF_8));
        assertThat(samples)
                .containsEntry("spotify_insight_fetcher_last_run_status{status=\"succeeded\"}", 1.0)
                .containsEntry(
                        "spotify_insight_fetcher_last_success_timestamp_seconds",
                        (double) LAST_SUCCESS.toEpochSecond())
                .containsEntry(
                        "spotify_insight_fetcher_last_run_rate_limited_responses"
                                + "{service=\"reccobeats\"}",
                        1.0);
        assertThat(logs.events()).isEmpty();
    }

    @Test
    void without_a_readable_history_the_push_merges_with_a_post_and_keeps_the_pushed_last_success()
            throws Exception {
        pushgateway.answer(202);
        var url = pushgateway.server().url("/prefix/");
        JobMetricsReporter reporter =
                new JobMetricsReporter(
                        null,
                        url,
                        new PushgatewayClient(
                                url.newBuilder().username("ops").password("pw-secret-7").build(),
                                pushgateway.http(),
                                Duration.ofSeconds(2)),
                        () -> {
                            throw new IllegalStateException("the database was not opened");
                        });

        reporter.report(TestReports.notStarted());

        RecordedRequest push = pushgateway.take();
        assertThat(push.getMethod()).isEqualTo("POST");
        assertThat(push.getUrl().encodedPath())
                .isEqualTo("/prefix/metrics/job/spotify_insight_fetcher");
        assertThat(push.getHeaders().get("Authorization"))
                .isEqualTo(okhttp3.Credentials.basic("ops", "pw-secret-7"));
        assertThat(PromText.samples(push.getBody().string(StandardCharsets.UTF_8)))
                .doesNotContainKey("spotify_insight_fetcher_last_success_timestamp_seconds");
    }

    @Test
    void a_pushgateway_that_is_down_or_refuses_is_logged_once_and_the_file_is_still_written()
            throws IOException {
        pushgateway
                .server()
                .enqueue(
                        new MockResponse.Builder()
                                .code(400)
                                .body("text format parsing error")
                                .build());
        Path file = dir.resolve("fetcher.prom");

        reporter(file, true, Optional.empty()).report(TestReports.partial());

        assertThat(file).exists();
        assertThat(logs.events())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.getLevel()).isEqualTo(Level.WARN);
                            assertThat(e.getFormattedMessage())
                                    .contains(
                                            "could not push the job's metrics to"
                                                    + " FETCHER_PUSHGATEWAY_URL",
                                            "HTTP 400");
                        });
        assertThat(PromText.samples(Files.readString(file)))
                .doesNotContainKey("spotify_insight_fetcher_last_success_timestamp_seconds");
    }

    @Test
    void the_variables_are_checked_with_what_is_accepted() {
        assertThat(read(Map.of()).textFile()).isEmpty();
        assertThat(
                        read(Map.of(
                                        "FETCHER_METRICS_FILE",
                                        dir.resolve("x.prom").toString(),
                                        "FETCHER_PUSHGATEWAY_URL",
                                        "http://localhost:9091"))
                                .pushgatewayUrl())
                .isPresent();
        assertThatThrownBy(
                        () ->
                                read(
                                        Map.of(
                                                "FETCHER_METRICS_FILE",
                                                dir.resolve("metrics.txt").toString(),
                                                "FETCHER_PUSHGATEWAY_URL",
                                                "localhost:9091")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "FETCHER_METRICS_FILE is '"
                                + dir.resolve("metrics.txt")
                                + "': expected a file"
                                + " name ending in .prom")
                .hasMessageContaining(
                        "FETCHER_PUSHGATEWAY_URL is not an absolute http:// or https:// URL");
        assertThatThrownBy(
                        () ->
                                read(
                                        Map.of(
                                                "FETCHER_METRICS_FILE",
                                                dir.resolve("missing/f.prom").toString(),
                                                "FETCHER_PUSHGATEWAY_URL",
                                                "http://pg:9091/metrics/job/other")))
                .hasMessageContaining("its directory " + dir.resolve("missing") + " does not exist")
                .hasMessageContaining("names a job path (/metrics/job/...)");
    }
}
