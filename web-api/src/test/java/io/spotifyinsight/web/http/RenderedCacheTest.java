package io.spotifyinsight.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RenderedCacheTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private final AtomicLong nanos = new AtomicLong();

    private RenderedCache<byte[]> cache(int maxEntries, long maxBytes) {
        return new RenderedCache<>(maxEntries, maxBytes, value -> value.length, nanos::get);
    }

    /** A page of {@code bytes} for each of the users' day. */
    private static void putEach(RenderedCache<byte[]> cache, int bytes, String... users) {
        for (String user : users) {
            cache.put(user, DAY, new byte[bytes]);
        }
    }

    private static int held(RenderedCache<byte[]> cache, String... users) {
        int found = 0;
        for (String user : users) {
            found += cache.get(user, DAY) == null ? 0 : 1;
        }
        return found;
    }

    @Test
    void holds_at_most_its_number_of_entries() {
        RenderedCache<byte[]> cache = cache(2, 1_000_000);
        putEach(cache, 2, "a", "b", "c");

        assertThat(held(cache, "a", "b", "c")).isEqualTo(2);
    }

    @Test
    void holds_at_most_its_bytes_whatever_the_number_of_entries() {
        RenderedCache<byte[]> cache = cache(100, 250);
        putEach(cache, 100, "a", "b", "c");

        assertThat(held(cache, "a", "b", "c")).isEqualTo(2);
        cache.put("huge", DAY, new byte[300]);
        assertThat(cache.get("huge", DAY)).as("larger than the whole budget").isNull();
    }

    @Test
    void an_entry_is_served_for_ten_seconds_then_read_again() {
        RenderedCache<byte[]> cache = cache(10, 1_000);
        cache.put("a", DAY, new byte[] {1});
        nanos.addAndGet(Freshness.SERVER_CACHE.toNanos() - 1);
        assertThat(cache.get("a", DAY)).isNotNull();
        nanos.addAndGet(2);
        assertThat(cache.get("a", DAY)).isNull();
    }

    @Test
    void zero_entries_turns_it_off() {
        RenderedCache<byte[]> cache = cache(0, 1_000);
        cache.put("a", DAY, new byte[] {1});
        assertThat(cache.get("a", DAY)).isNull();
    }
}
