package io.spotifyinsight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.web.testing.StoredLists;
import io.spotifyinsight.web.testing.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stopping the server (what SIGTERM does through the shutdown hook) lets an in-flight request
 * finish.
 */
class ShutdownTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase();

    @Test
    void an_in_flight_request_completes_during_a_graceful_stop() throws Exception {
        var stored = new StoredLists(db.dsl());
        stored.day(
                stored.user("dave"),
                TestServer.TODAY,
                Strategy.SPOTIFY,
                java.time.OffsetDateTime.now(),
                0,
                3);
        TestServer server = TestServer.start(db.env());
        try (Connection lock = db.dataSource().getConnection();
                Statement statement = lock.createStatement()) {
            // hold the list's table so that the request waits inside the handler
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE recommendation IN ACCESS EXCLUSIVE MODE");
            CompletableFuture<Integer> inFlight =
                    CompletableFuture.supplyAsync(
                            () -> {
                                try (Response response = server.get("/user-recommendations/dave")) {
                                    return response.code();
                                }
                            });
            // the request is inside the handler once its query waits for the lock
            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () ->
                                    db.dsl()
                                                    .fetchSingle(
                                                            "SELECT count(*) FROM pg_stat_activity"
                                                                    + " WHERE datname ="
                                                                    + " current_database() AND"
                                                                    + " wait_event_type = 'Lock'")
                                                    .get(0, Integer.class)
                                            > 0);
            assertThat(inFlight).isNotDone();
            // the address before stopping: a stopping server no longer knows its port
            URI address = URI.create(server.url("/"));
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            // stopping has begun once new connections are refused; it still waits for the request
            await().atMost(Duration.ofSeconds(10)).until(() -> refuses(address));
            assertThat(stopping).isNotDone();
            assertThat(inFlight).isNotDone();
            lock.rollback();
            assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            stopping.get(10, TimeUnit.SECONDS);
        }
    }

    private static boolean refuses(URI address) {
        try (Socket socket = new Socket(address.getHost(), address.getPort())) {
            return false;
        } catch (IOException refused) {
            return true;
        }
    }
}
