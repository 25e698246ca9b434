package io.spotifyinsight.web.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PastDayCacheTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final long TTL = 1_000;

    private static RenderedDay day(String user) {
        return new RenderedDay(user, DAY, new byte[] {'{', '}'}, "v");
    }

    @Test
    void keeps_at_most_its_capacity_evicting_the_least_recently_used() {
        PastDayCache cache = new PastDayCache(2, Long.MAX_VALUE, TTL);
        cache.put(day("a"), 0);
        cache.put(day("b"), 0);
        cache.get("a", DAY, 1); // a is now more recent than b
        cache.put(day("c"), 2);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("a", DAY, 3)).isNotNull();
        assertThat(cache.get("b", DAY, 3)).isNull();
        assertThat(cache.get("c", DAY, 3)).isNotNull();
    }

    @Test
    void counts_hits_and_misses_and_expires_entries_after_the_ttl() {
        PastDayCache cache = new PastDayCache(10, Long.MAX_VALUE, TTL);
        assertThat(cache.get("a", DAY, 0)).isNull();
        cache.put(day("a"), 0);
        assertThat(cache.get("a", DAY, TTL)).isNotNull();
        assertThat(cache.get("a", DAY, TTL + 1)).isNull();

        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(2);
    }

    @Test
    void keeps_at_most_its_byte_budget_evicting_the_least_recently_used() {
        PastDayCache cache = new PastDayCache(100, 250, TTL);
        cache.put(new RenderedDay("a", DAY, new byte[100], "v"), 0);
        cache.put(new RenderedDay("b", DAY, new byte[100], "v"), 0);
        cache.get("a", DAY, 1); // a is now more recent than b
        cache.put(new RenderedDay("c", DAY, new byte[100], "v"), 2);

        assertThat(cache.bytes()).isEqualTo(200);
        assertThat(cache.get("b", DAY, 3)).isNull();
        assertThat(cache.get("a", DAY, 3)).isNotNull();
        assertThat(cache.get("c", DAY, 3)).isNotNull();

        cache.put(new RenderedDay("a", DAY, new byte[10], "v2"), 4); // replacing an entry frees its bytes
        assertThat(cache.bytes()).isEqualTo(110);
        cache.put(new RenderedDay("huge", DAY, new byte[300], "v"), 5); // larger than the budget: not kept
        assertThat(cache.get("huge", DAY, 6)).isNull();
        assertThat(cache.bytes()).isEqualTo(110);
    }

    @Test
    void capacity_zero_holds_and_counts_nothing() {
        PastDayCache cache = new PastDayCache(0, Long.MAX_VALUE, TTL);
        cache.put(day("a"), 0);

        assertThat(cache.get("a", DAY, 0)).isNull();
        assertThat(cache.size()).isZero();
        assertThat(cache.hits() + cache.misses()).isZero();
    }
}
