package io.spotifyinsight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.web.error.ErrorMapper;
import io.spotifyinsight.web.recommendation.RecommendationController;
import io.spotifyinsight.web.testing.StoredLists;
import io.spotifyinsight.web.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Request;
import okhttp3.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The web API under abuse: oversized ranges, 404 scans, idle connections, /metrics for strangers.
 */
class AbuseLimitsTest {
    static final String TOKEN = "metrics-token-0123456789";

    @RegisterExtension
    static final TestServer server =
            TestServer.withDatabase(Map.of("WEB_METRICS_TOKEN", TOKEN), AbuseLimitsTest::store);

    static final TestDatabase db = server.database();
    static final LocalDate FIRST = TestServer.TODAY.minusDays(60);

    static void store(DSLContext dsl) {
        var stored = new StoredLists(dsl);
        long heavy = stored.user("heavy");
        OffsetDateTime fetched = OffsetDateTime.of(2026, 1, 1, 3, 0, 0, 0, ZoneOffset.UTC);
        // 51 days of 100 tracks: 5100, just over one answer's cap
        for (int day = 0; day < 51; day++) {
            stored.day(heavy, FIRST.plusDays(day), Strategy.BLEND, fetched, day * 100, 100);
        }
    }

    private static String range(LocalDate from, LocalDate to) {
        return "/users/heavy/recommendations?from=" + from + "&to=" + to;
    }

    @Test
    void a_range_holding_more_tracks_than_one_answer_may_is_refused_saying_how_many()
            throws Exception {
        try (Response tooMany = server.get(range(FIRST, FIRST.plusDays(50)))) {
            assertThat(tooMany.code()).isEqualTo(400);
            assertThat(tooMany.body().string())
                    .contains(
                            "hold 5100 tracks",
                            "at most " + RecommendationController.MAX_RANGE_TRACKS,
                            "shorter range");
        }
        try (Response fits = server.get(range(FIRST, FIRST.plusDays(49)))) {
            assertThat(fits.code()).isEqualTo(200);
        }
    }

    @Test
    void a_third_range_request_while_two_are_answered_is_told_to_come_back_a_later_one_succeeds()
            throws Exception {
        String tenDays = range(FIRST, FIRST.plusDays(9));
        // a range answered by another test may still be giving its connection back
        // (a pooled client connection the server closed at its idle timeout fails once: ask again)
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(60))
                .until(AbuseLimitsTest::activeConnections, n -> n == 0);
        ExecutorService clients =
                Executors.newFixedThreadPool(RecommendationController.MAX_CONCURRENT_RANGES);
        try (Connection blocker =
                DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            // the two requests hold their slots while their queries wait for this lock
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE recommendation IN ACCESS EXCLUSIVE MODE");
            List<Future<Integer>> held = new ArrayList<>();
            for (int i = 0; i < RecommendationController.MAX_CONCURRENT_RANGES; i++) {
                held.add(clients.submit(() -> status(tenDays)));
            }
            await().atMost(Duration.ofSeconds(5))
                    .until(
                            () -> waitingForTheLock(blocker),
                            n -> n == RecommendationController.MAX_CONCURRENT_RANGES);

            try (Response third = server.get(tenDays)) {
                assertThat(third.code()).isEqualTo(503);
                assertThat(third.header("Retry-After")).isEqualTo("1");
                assertThat(third.header("Content-Type")).startsWith("application/problem+json");
                assertThat(third.body().string())
                        .contains(
                                "urn:spotify-insight:problem:busy",
                                RecommendationController.MAX_CONCURRENT_RANGES
                                        + " range requests are being answered");
            }
            blocker.rollback();
            for (Future<Integer> request : held) {
                assertThat(request.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(status(tenDays)).isEqualTo(200);
    }

    @Test
    void a_client_reading_a_large_export_too_slowly_is_cut_off_while_others_are_answered()
            throws Exception {
        ServerConnector connector =
                (ServerConnector) server.app().jettyServer().server().getConnectors()[0];
        try (Socket slow = new Socket()) {
            // a small window, so that the server's writes wait for this reader rather than fill
            // kernel buffers
            slow.setReceiveBufferSize(1024);
            slow.connect(
                    new InetSocketAddress(
                            InetAddress.getLoopbackAddress(), connector.getLocalPort()));
            int clientPort = slow.getLocalPort();
            slow.getOutputStream()
                    .write(
                            ("GET "
                                            + range(FIRST, FIRST.plusDays(49))
                                            + "&format=xspf HTTP/1.1\r\n"
                                            + "Host: x\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            AtomicLong read = new AtomicLong();
            Thread reader = new Thread(() -> readSlowly(slow, read), "slow-reader");
            reader.setDaemon(true);
            reader.start();
            await().atMost(Duration.ofSeconds(5)).until(read::get, n -> n > 0);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> hasConnectionFrom(connector, clientPort));

            // while it is stuck, the others are answered, a range included (it holds one slot of
            // two)
            assertThat(status("/health")).isEqualTo(200);
            assertThat(status(range(FIRST, FIRST.plusDays(1)))).isEqualTo(200);

            // the response drains far below the minimum rate, its writes stall: the server gives up
            // on it
            // (the rate check fails the next write; a write that waits IDLE_TIMEOUT fails first)
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !hasConnectionFrom(connector, clientPort));
            assertThat(read.get()).as("the client got only a part of the body").isLessThan(500_000);
        }
        assertThat(status("/health")).isEqualTo(200);
        // and the abandoned answer gives its database connection (and its slot) back
        // (a pooled client connection the server closed at its idle timeout fails once: ask again)
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(60))
                .until(AbuseLimitsTest::activeConnections, n -> n == 0);
    }

    /**
     * About 400 bytes a second, a tenth of the server's minimum rate, until the connection ends.
     * The pause is the client's pace, the behaviour under test; no test step waits on it.
     */
    private static void readSlowly(Socket socket, AtomicLong read) {
        byte[] buffer = new byte[200];
        try {
            InputStream in = socket.getInputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.addAndGet(n);
                Thread.sleep(500);
            }
        } catch (IOException | InterruptedException e) {
            // the server reset the connection, or the test closed it
        }
    }

    private static boolean hasConnectionFrom(ServerConnector connector, int clientPort) {
        return connector.getConnectedEndPoints().stream()
                .anyMatch(
                        endPoint ->
                                endPoint.getRemoteSocketAddress()
                                                instanceof InetSocketAddress remote
                                        && remote.getPort() == clientPort);
    }

    /** The server's pooled database connections in use, from its own metrics. */
    private static int activeConnections() throws IOException {
        Request request =
                server.request("/metrics")
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Connection", "close")
                        .build();
        try (Response response = server.call(request)) {
            String prefix = "hikaricp_connections_active{";
            return response.body()
                    .string()
                    .lines()
                    .filter(line -> line.startsWith(prefix))
                    .mapToInt(
                            line ->
                                    (int)
                                            Double.parseDouble(
                                                    line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        }
    }

    /** Queries of other sessions waiting for a lock on the recommendation table. */
    private static int waitingForTheLock(Connection blocker) throws SQLException {
        try (var count =
                blocker.createStatement()
                        .executeQuery(
                                "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation ="
                                        + " 'recommendation'::regclass")) {
            count.next();
            return count.getInt(1);
        }
    }

    /**
     * On a connection of its own: these tests wait past the idle timeout, which closes pooled ones.
     */
    private static int status(String path) {
        try (Response response =
                server.call(server.request(path).header("Connection", "close").build())) {
            return response.code();
        }
    }

    @Test
    void metrics_need_the_bearer_token_when_one_is_set() throws Exception {
        try (Response none = server.get("/metrics")) {
            assertThat(none.code()).isEqualTo(401);
            assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(none.body().string()).doesNotContain(TOKEN);
        }
        try (Response wrong =
                server.call(
                        server.request("/metrics")
                                .header("Authorization", "Bearer nope")
                                .build())) {
            assertThat(wrong.code()).isEqualTo(401);
        }
        try (Response right =
                server.call(
                        server.request("/metrics")
                                .header("Authorization", "Bearer " + TOKEN)
                                .build())) {
            assertThat(right.code()).isEqualTo(200);
            assertThat(right.body().string()).contains("http_server_requests_seconds");
        }
    }

    @Test
    void a_scan_of_404s_is_not_logged_at_warn() {
        Logger logger = (Logger) LoggerFactory.getLogger(ErrorMapper.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            for (int i = 0; i < 20; i++) {
                server.get("/wp-admin/" + i + ".php").close();
                server.get("/user-recommendations/nobody" + i).close();
            }
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list)
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .isEmpty();
    }

    @Test
    void a_connection_that_sends_half_a_request_and_waits_is_closed_by_the_idle_timeout() {
        assertTimeoutPreemptively(
                Duration.ofSeconds(45),
                () -> {
                    int port = Integer.parseInt(server.url("").replaceAll(".*:(\\d+).*", "$1"));
                    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        OutputStream out = socket.getOutputStream();
                        out.write(
                                "GET /health HTTP/1.1\r\nHost: x\r\n"
                                        .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        long start = System.nanoTime();
                        InputStream in = socket.getInputStream();
                        byte[] buffer = new byte[4096];
                        while (in.read(buffer) >= 0) {
                            // Jetty may answer 408 before closing; read until the close
                        }
                        assertThat(Duration.ofNanos(System.nanoTime() - start))
                                .isLessThan(Duration.ofSeconds(30));
                    }
                });
    }
}
