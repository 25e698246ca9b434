package io.spotifyinsight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.web.error.DatabaseOutageLog;
import io.spotifyinsight.web.testing.OpenApiContract;
import io.spotifyinsight.web.testing.ProxiedDatabase;
import io.spotifyinsight.web.testing.StoredLists;
import io.spotifyinsight.web.testing.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The database going away and coming back (through a TCP proxy the test cuts), and an internal
 * error. Timeouts are short here (1 s pool wait, 2 s statements) so that "bounded" is measurable.
 */
class ResilienceTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase();

    static final ObjectMapper JSON = new ObjectMapper();
    static final OpenApiContract CONTRACT = TestServer.CONTRACT;

    /** A 1 s pool wait and 2 s statements. */
    static final Map<String, String> SHORT_TIMEOUTS =
            Map.of(
                    "DATABASE_CONNECTION_TIMEOUT_SECONDS",
                    "1",
                    "DATABASE_QUERY_TIMEOUT_SECONDS",
                    "2");

    static ProxiedDatabase proxy;
    static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        var stored = new StoredLists(db.dsl());
        stored.day(
                stored.user("carol"),
                TestServer.TODAY,
                Strategy.SPOTIFY,
                OffsetDateTime.now(),
                0,
                10);
        proxy = ProxiedDatabase.inFrontOf(db);
        server = TestServer.start(proxy.env(), SHORT_TIMEOUTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void database_down_gives_503_with_retry_after_quickly_and_the_server_recovers_by_itself()
            throws Exception {
        assertThat(status("/user-recommendations/carol")).isEqualTo(200);
        proxy.cut();
        try {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                try (Response response = server.get("/user-recommendations/carol")) {
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    assertThat(took).isLessThan(Duration.ofSeconds(5));
                    assertThat(response.code()).isEqualTo(503);
                    assertThat(response.header("Retry-After")).isEqualTo("5");
                    assertThat(response.header("Content-Type"))
                            .startsWith("application/problem+json");
                    JsonNode body = JSON.readTree(response.body().string());
                    assertThat(body.get("type").asText())
                            .isEqualTo("urn:spotify-insight:problem:database-unavailable");
                    assertThat(body.toString()).doesNotContain("jdbc:").doesNotContain("127.0.0.1");
                }
            }
            // a page asked for while the database is away is an HTML page too, with the same 503
            try (Response page = server.get("/u/carol")) {
                assertThat(page.code()).isEqualTo(503);
                assertThat(page.header("Retry-After")).isEqualTo("5");
                assertThat(page.header("Content-Type")).startsWith("text/html");
                assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none'");
                String html = page.body().string();
                assertThat(html)
                        .contains("<h1>Service unavailable</h1>", "Retry after 5 seconds")
                        .doesNotContain("jdbc:")
                        .doesNotContain("Exception");
            }
            try (Response health = server.get("/health")) {
                assertThat(health.code()).isEqualTo(503);
                assertThat(health.header("Retry-After")).isNotBlank();
                JsonNode body = JSON.readTree(health.body().string());
                assertThat(body.get("database").get("status").asText()).isEqualTo("down");
            }
        } finally {
            proxy.restore();
        }
        awaitListAnswersAgain();
        assertThat(status("/health")).isEqualTo(200);
    }

    @Test
    void an_outage_is_logged_at_warn_once_as_it_starts_at_debug_while_it_lasts_at_info_as_it_ends()
            throws IOException {
        assertThat(status("/user-recommendations/carol")).isEqualTo(200);
        Logger logger = (Logger) LoggerFactory.getLogger(DatabaseOutageLog.class);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            proxy.cut();
            try {
                for (int i = 0; i < 5; i++) {
                    assertThat(status("/user-recommendations/carol")).isEqualTo(503);
                }
            } finally {
                proxy.restore();
            }
            awaitListAnswersAgain();
            assertThat(status("/user-recommendations/carol")).isEqualTo(200);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
        assertThat(appender.list)
                .filteredOn(e -> e.getLevel() == Level.WARN)
                .singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .contains("GET /user-recommendations/carol", "outage starts");
        assertThat(appender.list)
                .filteredOn(e -> e.getLevel() == Level.DEBUG)
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(appender.list)
                .filteredOn(e -> e.getLevel() == Level.INFO)
                .singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .contains("database available again");
        assertThat(appender.list.get(appender.list.size() - 1).getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void an_internal_error_is_500_without_internals_and_carries_the_request_id() throws Exception {
        db.dsl().execute("ALTER TABLE album RENAME TO album_gone");
        try (Response response =
                server.call(
                        server.request("/user-recommendations/carol")
                                .header("X-Request-Id", "trace-500")
                                .build())) {
            String text = response.body().string();
            assertThat(response.code()).isEqualTo(500);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.header("X-Request-Id")).isEqualTo("trace-500");
            JsonNode body = JSON.readTree(text);
            assertThat(body.get("request_id").asText()).isEqualTo("trace-500");
            assertThat(CONTRACT.validate(body, "Problem")).isEmpty();
            assertThat(text.toLowerCase())
                    .doesNotContain("album")
                    .doesNotContain("select")
                    .doesNotContain("exception")
                    .doesNotContain("at io.")
                    .doesNotContain("sql");
        } finally {
            db.dsl().execute("ALTER TABLE album_gone RENAME TO album");
        }
    }

    /** Once the database is back, the pool reconnects by itself within seconds. */
    private static void awaitListAnswersAgain() {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> status("/user-recommendations/carol"), status -> status == 200);
    }

    private static int status(String path) {
        try (Response response = server.get(path)) {
            return response.code();
        }
    }
}
