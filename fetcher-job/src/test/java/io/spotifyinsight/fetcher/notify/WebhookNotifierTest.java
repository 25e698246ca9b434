package io.spotifyinsight.fetcher.notify;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.fetcher.report.RunReport;
import io.spotifyinsight.fetcher.report.TestReports;
import io.spotifyinsight.fetcher.testing.CapturedLogs;
import io.spotifyinsight.fetcher.testing.Loopback;
import io.spotifyinsight.fetcher.testing.LoopbackReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notifications sent to a real HTTP receiver on loopback, in every format, and to receivers that
 * fail.
 */
class WebhookNotifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "T000/B000/secretToken123";

    @RegisterExtension final CapturedLogs logs = new CapturedLogs(WebhookNotifier.class);
    @RegisterExtension final LoopbackReceiver receiver = new LoopbackReceiver();

    private HttpUrl hook() {
        return receiver.server().url("/services/" + TOKEN);
    }

    private WebhookNotifier notifier(HttpUrl url, NotifyOn on, NotifyFormat format) {
        return new WebhookNotifier(
                new NotifyConfig(url, on, format),
                receiver.http(),
                new WebhookNotifier.Delivery(Duration.ofSeconds(2), 3, Duration.ofMillis(50)));
    }

    private static JsonNode body(RecordedRequest request) throws IOException {
        return JSON.readTree(request.getBody().string(StandardCharsets.UTF_8));
    }

    private List<ILoggingEvent> warnings() {
        return logs.at(Level.WARN);
    }

    /** The one warning the notifier logged, as text. */
    private AbstractStringAssert<?> assertThatTheOneWarning() {
        return assertThat(warnings())
                .singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString();
    }

    @Test
    void json_posts_our_document_with_every_field_of_the_run() throws Exception {
        receiver.answer(204);

        notifier(hook(), NotifyOn.FAILURE, NotifyFormat.JSON).report(TestReports.partial());

        RecordedRequest request = receiver.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/services/" + TOKEN);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode doc = body(request);
        assertThat(doc.get("event").asText()).isEqualTo("run_finished");
        assertThat(doc.get("run_id").asLong()).isEqualTo(42);
        assertThat(doc.get("date").asText()).isEqualTo("2026-12-02");
        assertThat(doc.get("status").asText()).isEqualTo("partial");
        assertThat(doc.get("strategy").asText()).isEqualTo("auto");
        assertThat(doc.get("strategies_used").get(0).asText()).isEqualTo("blend");
        assertThat(doc.get("users_stored").asInt()).isEqualTo(2);
        assertThat(doc.get("users_failed").asInt()).isEqualTo(1);
        assertThat(doc.get("users_total").asInt()).isEqualTo(3);
        assertThat(doc.get("tracks").asInt()).isEqualTo(40);
        assertThat(doc.get("duration_seconds").asDouble()).isEqualTo(9.4);
        assertThat(doc.get("failed").get(0).get("alias").asText()).isEqualTo("bob");
        assertThat(doc.get("failed").get(0).get("reason").asText())
                .isEqualTo("no tracks found for these seeds");
        assertThat(doc.get("unavailable_sources").get(0).asText()).isEqualTo("lastfm");
        assertThat(doc.get("finished_at").asText()).isEqualTo("2026-12-02T03:00:12Z");
        assertThat(doc.get("text").asText())
                .isEqualTo(
                        "Spotify Insight: run 42 for 2026-12-02 partial: 2 of 3 aliases stored, 1"
                            + " failed, 40 tracks, 9.4 s; failed: bob (no tracks found for these"
                            + " seeds); unavailable: lastfm");
        assertThat(warnings()).isEmpty();
    }

    @Test
    void json_of_a_run_that_could_not_start_says_why() throws Exception {
        receiver.answer(200);

        notifier(hook(), NotifyOn.FAILURE, NotifyFormat.JSON).report(TestReports.notStarted());

        JsonNode doc = body(receiver.take());
        assertThat(doc.get("event").asText()).isEqualTo("run_not_started");
        assertThat(doc.get("status").asText()).isEqualTo("not_started");
        assertThat(doc.get("run_id").isNull()).isTrue();
        assertThat(doc.get("reason").asText())
                .isEqualTo("another fetch run is in progress (lock held)");
        assertThat(doc.get("text").asText())
                .isEqualTo(
                        "Spotify Insight: the run for 2026-12-02 could not start: another fetch run"
                                + " is in progress (lock held)");
    }

    @Test
    void slack_gets_only_a_text_field() throws Exception {
        receiver.server().enqueue(new MockResponse.Builder().code(200).body("ok").build());

        notifier(hook(), NotifyOn.FAILURE, NotifyFormat.SLACK).report(TestReports.partial());

        JsonNode doc = body(receiver.take());
        assertThat(doc.properties()).hasSize(1);
        assertThat(doc.get("text").asText()).isEqualTo(TestReports.partial().text());
    }

    @Test
    void discord_gets_a_content_field_cut_to_its_2000_characters() throws Exception {
        receiver.answer(204);
        RunReport many = TestReports.failedWith(200);

        notifier(hook(), NotifyOn.FAILURE, NotifyFormat.DISCORD).report(many);

        JsonNode doc = body(receiver.take());
        assertThat(doc.properties()).hasSize(1);
        assertThat(doc.get("content").asText())
                .startsWith("Spotify Insight: run 43 for 2026-12-02 failed: 0 of 200")
                .hasSizeLessThanOrEqualTo(NotificationRequests.DISCORD_MAX_CHARS)
                .contains("and 195 more");
    }

    @Test
    void ntfy_gets_the_text_as_a_plain_body_with_title_and_priority_headers() throws Exception {
        receiver.answer(200);
        receiver.answer(200);
        WebhookNotifier ntfy =
                notifier(
                        receiver.server().url("/spotify-insight-" + TOKEN.hashCode()),
                        NotifyOn.ALWAYS,
                        NotifyFormat.NTFY);

        ntfy.report(TestReports.partial());
        ntfy.report(TestReports.succeeded());

        RecordedRequest partial = receiver.take();
        assertThat(partial.getHeaders().get("Content-Type")).startsWith("text/plain");
        assertThat(partial.getBody().string(StandardCharsets.UTF_8))
                .isEqualTo(TestReports.partial().text());
        assertThat(partial.getHeaders().get("Title"))
                .isEqualTo("Spotify Insight: run partial (2026-12-02)");
        assertThat(partial.getHeaders().get("Priority")).isEqualTo("high");
        RecordedRequest succeeded = receiver.take();
        assertThat(succeeded.getHeaders().get("Title"))
                .isEqualTo("Spotify Insight: run succeeded (2026-12-02)");
        assertThat(succeeded.getHeaders().get("Priority")).isEqualTo("default");
    }

    @Test
    void on_failure_a_successful_run_sends_nothing_and_never_sends_nothing_at_all()
            throws Exception {
        receiver.answer(200);

        notifier(hook(), NotifyOn.FAILURE, NotifyFormat.JSON).report(TestReports.succeeded());
        notifier(hook(), NotifyOn.NEVER, NotifyFormat.JSON).report(TestReports.partial());
        notifier(hook(), NotifyOn.FAILURE, NotifyFormat.JSON).report(TestReports.notStarted());

        // the only request is the not-started one: the two before it sent nothing
        assertThat(body(receiver.take()).get("status").asText()).isEqualTo("not_started");
        assertThat(receiver.server().getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_receiver_failing_twice_gets_a_third_attempt_and_nothing_is_logged_as_lost()
            throws Exception {
        receiver.answer(503);
        receiver.answer(429);
        receiver.answer(200);

        notifier(hook(), NotifyOn.ALWAYS, NotifyFormat.SLACK).report(TestReports.succeeded());

        assertThat(receiver.server().getRequestCount()).isEqualTo(3);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void a_receiver_that_keeps_failing_is_logged_once_without_the_url() {
        for (int i = 0; i < 3; i++) {
            receiver.server().enqueue(new MockResponse.Builder().code(500).body("down").build());
        }

        notifier(hook(), NotifyOn.ALWAYS, NotifyFormat.JSON).report(TestReports.partial());

        assertThat(receiver.server().getRequestCount()).isEqualTo(3);
        assertThatTheOneWarning()
                .contains(
                        "was not delivered to NOTIFY_WEBHOOK_URL (3 attempts): the receiver"
                                + " answered HTTP 500")
                .doesNotContain(TOKEN)
                .doesNotContain("secretToken123");
    }

    @Test
    void a_4xx_answer_is_final_after_one_attempt() {
        receiver.answer(404);

        notifier(hook(), NotifyOn.ALWAYS, NotifyFormat.JSON).report(TestReports.partial());

        assertThat(receiver.server().getRequestCount()).isEqualTo(1);
        assertThatTheOneWarning().contains("(1 attempt): the receiver answered HTTP 404");
    }

    @Test
    void a_receiver_that_is_down_costs_a_few_quick_attempts_and_one_warning() throws IOException {
        int closedPort = Loopback.closedPort();
        HttpUrl down = HttpUrl.parse("http://127.0.0.1:" + closedPort + "/hooks/" + TOKEN);
        long start = System.nanoTime();

        notifier(down, NotifyOn.ALWAYS, NotifyFormat.JSON).report(TestReports.partial());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThatTheOneWarning()
                .contains("(3 attempts)", "ConnectException")
                .doesNotContain(TOKEN);
    }

    @Test
    void a_receiver_that_never_answers_is_given_up_on_after_the_timeout_of_each_attempt()
            throws IOException {
        // accepted by the kernel's backlog, never read: every attempt waits for its timeout
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            HttpUrl url =
                    HttpUrl.parse("http://127.0.0.1:" + silent.getLocalPort() + "/hooks/" + TOKEN);
            WebhookNotifier notifier =
                    new WebhookNotifier(
                            new NotifyConfig(url, NotifyOn.ALWAYS, NotifyFormat.JSON),
                            receiver.http(),
                            new WebhookNotifier.Delivery(
                                    Duration.ofMillis(300), 2, Duration.ofMillis(10)));
            long start = System.nanoTime();

            notifier.report(TestReports.partial());

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(600))
                    .isLessThan(Duration.ofSeconds(5));
            assertThatTheOneWarning().contains("(2 attempts)", "timeout").doesNotContain(TOKEN);
        }
    }
}
