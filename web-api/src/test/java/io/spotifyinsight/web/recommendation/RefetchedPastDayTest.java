package io.spotifyinsight.web.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.persistence.testing.TestTracks;
import io.spotifyinsight.web.testing.StoredLists;
import io.spotifyinsight.web.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.Response;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A past day re-fetched with {@code run --date} replaces the stored list: every way of reading it
 * (JSON, CSV, the page, the exports) shows the new list within 10 s, a client revalidating with the
 * old ETag gets it, and shared caches are told to keep a past day at most 60 s.
 */
class RefetchedPastDayTest {
    @RegisterExtension
    static final TestServer server = TestServer.withDatabase(RefetchedPastDayTest::storeFirstFetch);

    static final TestDatabase db = server.database();

    static final LocalDate PAST = TestServer.TODAY.minusDays(5);
    static final OffsetDateTime FIRST_FETCH =
            OffsetDateTime.of(2026, 3, 5, 3, 0, 0, 0, ZoneOffset.UTC);
    static final List<String> READS =
            List.of(
                    "/user-recommendations/refetched?date=" + PAST,
                    "/user-recommendations/refetched?date=" + PAST + "&format=csv",
                    "/user-recommendations/refetched?date=" + PAST + "&format=jspf",
                    "/u/refetched/" + PAST);
    static long userId;

    static void storeFirstFetch(DSLContext dsl) {
        userId = new StoredLists(dsl).user("refetched");
        store(0, FIRST_FETCH);
    }

    /** The day's list: five tracks starting at catalogue number {@code first}. */
    private static void store(int first, OffsetDateTime fetchedAt) {
        new StoredLists(db.dsl()).day(userId, PAST, Strategy.BLEND, fetchedAt, first, 5);
    }

    private static String body(String path) {
        try (Response response = server.get(path)) {
            assertThat(response.code()).as(path).isEqualTo(200);
            return response.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void every_representation_shows_the_new_list_within_ten_seconds_and_old_etags_get_it()
            throws IOException {
        String oldTrack = TestTracks.track(0).name();
        String newTrack = TestTracks.track(500).name();
        String oldEtag;
        try (Response first = server.get(READS.get(0))) {
            assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=60");
            oldEtag = first.header("ETag");
        }
        for (String path : READS) {
            assertThat(body(path))
                    .as(path)
                    .contains(oldTrack); // and the caches now hold the old list
        }

        store(500, FIRST_FETCH.plusDays(2)); // what `run --date PAST` does
        long start = System.nanoTime();

        for (String path : READS) {
            await().atMost(Duration.ofSeconds(12))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> body(path).contains(newTrack));
            assertThat(body(path)).as(path).doesNotContain(oldTrack);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));
        try (Response revalidated =
                server.call(
                        server.request(READS.get(0)).header("If-None-Match", oldEtag).build())) {
            assertThat(revalidated.code()).isEqualTo(200);
            assertThat(revalidated.header("ETag")).isNotEqualTo(oldEtag);
            assertThat(revalidated.body().string()).contains(newTrack);
        }
    }
}
