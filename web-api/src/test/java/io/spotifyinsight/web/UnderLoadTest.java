package io.spotifyinsight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.web.testing.ProxiedDatabase;
import io.spotifyinsight.web.testing.StoredLists;
import io.spotifyinsight.web.testing.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many clients at once against a real PostgreSQL behind a proxy: while a run replaces the days they
 * read, and while the database goes away and comes back.
 */
class UnderLoadTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase();
    static final Pattern TRACK_NAME = Pattern.compile("\"Track (\\d+)\"");
    static final int READERS = 64;
    static final AtomicInteger UNAVAILABLE_SEEN = new AtomicInteger();
    static ProxiedDatabase proxy;

    /** Default timeouts, straight to PostgreSQL. */
    static TestServer server;

    /** Through the proxy, with a 2 s pool wait so that "database away" answers come quickly. */
    static TestServer behindProxy;

    static final Map<String, String> QUICK_POOL_WAIT =
            Map.of("DATABASE_CONNECTION_TIMEOUT_SECONDS", "2", "WEB_MAX_THREADS", "16");

    static long dana;

    @BeforeAll
    static void start() throws IOException {
        dana = new StoredLists(db.dsl()).user("dana");
        store(0);
        proxy = ProxiedDatabase.inFrontOf(db);
        behindProxy = TestServer.start(proxy.env(), QUICK_POOL_WAIT);
        server = TestServer.start(db.env(), Map.of("WEB_MAX_THREADS", "16"));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        behindProxy.close();
        proxy.close();
    }

    /** Today's list: 20 tracks numbered from {@code first}, so a list is one block of numbers. */
    private static void store(int first) {
        new StoredLists(db.dsl())
                .day(
                        dana,
                        TestServer.TODAY,
                        Strategy.BLEND,
                        OffsetDateTime.now(ZoneOffset.UTC),
                        first,
                        20);
    }

    /** Runs {@code READERS} readers of today's list until {@code done}; returns what they saw. */
    private static List<Future<Map<Integer, Integer>>> readers(
            TestServer server, ExecutorService pool, AtomicBoolean done) {
        List<Future<Map<Integer, Integer>>> readers = new java.util.ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            readers.add(
                    pool.submit(
                            () -> {
                                Map<Integer, Integer> statuses = new HashMap<>();
                                while (!done.get()) {
                                    try (Response response =
                                            server.get("/user-recommendations/dana")) {
                                        statuses.merge(response.code(), 1, Integer::sum);
                                        if (response.code() == 503) {
                                            UNAVAILABLE_SEEN.incrementAndGet();
                                        }
                                        String body = response.body().string();
                                        if (response.code() == 200) {
                                            assertWhole(body);
                                        } else {
                                            assertThat(response.header("Retry-After"))
                                                    .as(body)
                                                    .isNotBlank();
                                        }
                                    }
                                }
                                return statuses;
                            }));
        }
        return readers;
    }

    /** One list, all of it: 20 tracks from one block of 20 numbers, in order. */
    private static void assertWhole(String body) {
        Matcher names = TRACK_NAME.matcher(body);
        int count = 0;
        int first = -1;
        while (names.find()) {
            int n = Integer.parseInt(names.group(1));
            if (count == 0) {
                first = n;
            }
            assertThat(n)
                    .as("track %d of a list starting at %d", count, first)
                    .isEqualTo(first + count);
            count++;
        }
        assertThat(count).as(body).isEqualTo(20);
        assertThat(first % 1000).isZero();
    }

    @Test
    void sixty_four_readers_while_a_run_replaces_the_day_see_no_error_and_no_mixed_list()
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        AtomicBoolean done = new AtomicBoolean();
        try {
            var readers = readers(server, pool, done);
            for (int replace = 1; replace <= 30; replace++) {
                store(replace * 1000);
            }
            done.set(true);
            Map<Integer, Integer> statuses = new HashMap<>();
            for (var reader : readers) {
                reader.get().forEach((code, n) -> statuses.merge(code, n, Integer::sum));
            }
            assertThat(statuses.keySet()).as(statuses.toString()).containsOnly(200);
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
    }

    @Test
    void the_database_away_under_load_gives_503s_with_retry_after_never_500_and_recovers()
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        AtomicBoolean done = new AtomicBoolean();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger unavailable = UNAVAILABLE_SEEN;
        unavailable.set(0);
        try {
            var readers = readers(behindProxy, pool, done);
            proxy.cut();
            // a few of the readers' requests answered 503 while the database is away
            await().atMost(Duration.ofSeconds(60)).until(() -> unavailable.get() >= 5);
            proxy.restore();
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                try (Response response =
                                        behindProxy.get("/user-recommendations/dana")) {
                                    return response.code() == 200;
                                }
                            });
            done.set(true);
            for (var reader : readers) {
                reader.get().keySet().forEach(seen::add);
            }
            assertThat(seen)
                    .as("statuses while the database went away and came back")
                    .containsOnly(200, 503);
            try (Response health = behindProxy.get("/health")) {
                assertThat(health.code()).isEqualTo(200);
            }
        } finally {
            done.set(true);
            proxy.restore();
            pool.shutdownNow();
        }
    }
}
