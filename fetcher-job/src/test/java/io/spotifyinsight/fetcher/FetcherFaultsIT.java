package io.spotifyinsight.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.fetcher.testing.Loopback;
import io.spotifyinsight.persistence.run.FetchRun;
import io.spotifyinsight.persistence.run.FetchRunRepository;
import io.spotifyinsight.persistence.run.RunStatus;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.persistence.user.UserRepository;
import io.spotifyinsight.spotify.fake.FakeSpotify;
import io.spotifyinsight.spotify.fake.FakeSpotifyExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in the middle of a real run: the fetcher jar as a process, a real PostgreSQL, the fake
 * Spotify slowed down so that the run is still going when the fault strikes. Each test runs its own
 * date, so the rows it counts are its own.
 */
class FetcherFaultsIT {
    @RegisterExtension static final TestDatabase db = new TestDatabase(8);
    @RegisterExtension static final FakeSpotifyExtension spotify = new FakeSpotifyExtension();
    FakeSpotify fake;
    static final AtomicInteger names = new AtomicInteger();
    static final AtomicInteger dates = new AtomicInteger();
    static final int LIMIT = 10;
    final List<String> users = new ArrayList<>();
    LocalDate day;

    @BeforeEach
    void newUsersAndDate() {
        fake = spotify.fake();
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);
        fake.setLatency(Duration.ofMillis(250));
        day = LocalDate.of(2025, 1, 1).plusDays(dates.incrementAndGet());
        UserRepository repository = new UserRepository(db.dsl());
        // disabled users of earlier tests stay out of the nightly run: each test names its users
        db.dsl().execute("UPDATE app_user SET active = false");
        for (int i = 0; i < 6; i++) {
            int n = names.incrementAndGet();
            String name = "fault" + n;
            repository.create(
                    TestUsers.active(name, LIMIT, TestUsers.artistAndGenre(fake.catalog(), n)));
            users.add(name);
        }
    }

    @AfterEach
    void normalSpeed() {
        fake.setLatency(Duration.ZERO);
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(db.env());
        env.putAll(fake.env());
        env.put("FETCHER_SOURCES", "none");
        env.put("FETCHER_STRATEGY", "search");
        env.put("FETCHER_CONCURRENCY", "1");
        return env;
    }

    private FetcherProcess startRun(Map<String, String> env) throws IOException {
        return FetcherProcess.start(env, "run", "--date", day.toString());
    }

    private static int intValue(String sql, Object... bindings) {
        return ((Number) db.dsl().fetchValue(sql, bindings)).intValue();
    }

    private int storedDays() {
        return intValue(
                "SELECT count(DISTINCT user_id)::int FROM recommendation WHERE list_date = ?", day);
    }

    private FetchRun runRow() {
        return new FetchRunRepository(db.dsl())
                .latest(50).stream()
                        .filter(r -> r.logicalDate().equals(day))
                        .findFirst()
                        .orElseThrow();
    }

    /**
     * What the run row says it stored is what the recommendation table holds for its date, and
     * every day is whole.
     */
    private void assertRowMatchesWhatWasStored(FetchRun row) {
        assertThat(row.outcome().status()).isNotEqualTo(RunStatus.RUNNING);
        assertThat(row.finishedAt()).isNotNull();
        assertThat(row.outcome().usersSucceeded()).isEqualTo(storedDays());
        Integer tracks =
                intValue("SELECT count(*)::int FROM recommendation WHERE list_date = ?", day);
        assertThat(row.outcome().tracksStored()).isEqualTo(tracks);
        Integer partDays =
                intValue(
                        "SELECT count(*)::int FROM (SELECT user_id FROM recommendation WHERE"
                                + " list_date = ? GROUP BY user_id HAVING count(*) <> ? OR"
                                + " max(position) <> ? - 1) d",
                        day,
                        LIMIT,
                        LIMIT);
        assertThat(partDays).as("days stored with a part of their list").isZero();
    }

    @Test
    void sigterm_in_the_middle_of_a_run_records_it_interrupted_notifies_and_writes_the_metrics(
            @TempDir Path dir) throws Exception {
        try (MockWebServer receiver = Loopback.receiverAnsweringOk()) {
            Path metricsFile = dir.resolve("spotify_insight_fetcher.prom");
            Map<String, String> env = env();
            env.put("NOTIFY_WEBHOOK_URL", receiver.url("/hooks/sigterm").toString());
            env.put("FETCHER_METRICS_FILE", metricsFile.toString());
            FetcherProcess run = startRun(env);
            await().atMost(Duration.ofSeconds(60)).until(() -> storedDays() >= 1);

            run.terminate();
            CliResult result = run.await(Duration.ofSeconds(30));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(143); // 128 + SIGTERM
            assertThat(result.err()).contains("stopped by a signal");
            FetchRun row = runRow();
            assertThat(row.outcome().errorSummary())
                    .contains("interrupted: the process was stopped after");
            assertThat(row.outcome().usersSucceeded()).isBetween(1, users.size() - 1);
            assertRowMatchesWhatWasStored(row);

            RecordedRequest told = receiver.takeRequest(5, TimeUnit.SECONDS);
            assertThat(told)
                    .as("the interrupted run was notified before the process ended")
                    .isNotNull();
            JsonNode report =
                    new ObjectMapper().readTree(told.getBody().string(StandardCharsets.UTF_8));
            assertThat(report.get("run_id").asLong()).isEqualTo(row.id());
            assertThat(report.get("status").asText()).isEqualTo("partial");
            assertThat(report.get("reason").asText())
                    .startsWith("interrupted: the process was stopped after");
            assertThat(report.get("users_stored").asInt())
                    .isEqualTo(row.outcome().usersSucceeded());
            assertThat(receiver.getRequestCount())
                    .as("one notification, not one per path")
                    .isEqualTo(1);
            assertThat(Files.readString(metricsFile))
                    .contains("spotify_insight_fetcher_last_run_status{status=\"partial\"} 1");
        }
    }

    @Test
    void the_fetchers_connections_terminated_mid_run_are_retried_and_nothing_is_half_written()
            throws Exception {
        FetcherProcess run = startRun(env());
        await().atMost(Duration.ofSeconds(60)).until(() -> storedDays() >= 1);
        int lockPid =
                intValue(
                        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = ? AND"
                                + " database = (SELECT oid FROM pg_database WHERE datname ="
                                + " current_database())",
                        0x5350494EL);

        // every pooled connection of the fetcher, in use or idle, except the lock's
        int terminated =
                intValue(
                        "SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE"
                            + " application_name = 'fetcher-job' AND datname = current_database()"
                            + " AND pid <> ?",
                        lockPid);
        CliResult result = run.await(Duration.ofSeconds(120));

        assertThat(terminated).isPositive();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains(users.size() + " of " + users.size() + " users stored");
        FetchRun row = runRow();
        assertThat(row.outcome().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertRowMatchesWhatWasStored(row);
    }

    @Test
    void the_lock_connection_terminated_mid_run_stops_storing_and_says_so() throws Exception {
        FetcherProcess run = startRun(env());
        await().atMost(Duration.ofSeconds(60)).until(() -> storedDays() >= 1);

        db.dsl()
                .execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                                + " AND objid = ? AND database = (SELECT oid FROM pg_database WHERE"
                                + " datname = current_database())",
                        0x5350494EL);
        CliResult result = run.await(Duration.ofSeconds(120));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(result.out()).contains("stopped early: the fetch-run lock was lost");
        FetchRun row = runRow();
        assertThat(row.outcome().status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(row.outcome().errorSummary()).contains("lock was lost");
        assertRowMatchesWhatWasStored(row);
        assertThat(row.outcome().usersSucceeded()).isLessThan(users.size());
    }

    @Test
    void a_blackholed_spotify_ends_the_run_with_exit_3_long_before_every_user_spent_its_retries()
            throws Exception {
        try (Blackhole blackhole = new Blackhole()) {
            Map<String, String> env = env();
            env.put("SPOTIFY_API_URL", "http://127.0.0.1:" + blackhole.port() + "/v1");
            env.put("SPOTIFY_ACCOUNTS_URL", "http://127.0.0.1:" + blackhole.port());
            env.put("SPOTIFY_TIMEOUT_SECONDS", "1");
            env.put("SPOTIFY_MAX_ATTEMPTS", "2");
            env.put("SPOTIFY_RETRY_BUDGET_SECONDS", "5");

            CliResult result = startRun(env).await(Duration.ofSeconds(120));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.UNAVAILABLE);
            assertThat(result.out())
                    .contains("stopped early: Spotify is unreachable: 3 users in a row");
            assertThat(blackhole.accepted())
                    .as("connections the fetcher opened")
                    .isLessThanOrEqualTo(3 * 2);
            FetchRun row = runRow();
            assertThat(row.outcome().status()).isEqualTo(RunStatus.FAILED);
            assertThat(row.outcome().errorSummary())
                    .contains("Spotify is unreachable", "3 users not fetched");
            assertRowMatchesWhatWasStored(row);
        }
    }

    /** Accepts connections and never answers, as a host whose service hangs. */
    static final class Blackhole implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        Blackhole() throws IOException {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread acceptor =
                    new Thread(
                            () -> {
                                while (!server.isClosed()) {
                                    try {
                                        held.add(server.accept());
                                    } catch (IOException e) {
                                        // closed
                                    }
                                }
                            },
                            "blackhole");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
