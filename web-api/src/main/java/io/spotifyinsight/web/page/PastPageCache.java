package io.spotifyinsight.web.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Rendered day pages of past dates, bounded by their size in bytes (Caffeine evicts what is least
 * likely to be asked again). A page that has a later day changes only when an operator backfills a
 * date next to it, which the long expiry bounds; the newest page gains its "next" link and month when
 * tonight's list arrives, so it is kept only for the short expiry.
 */
final class PastPageCache {
    private final Cache<Key, Page> pages;

    private record Key(String username, LocalDate date) {
    }

    private record Page(byte[] html, boolean hasLaterDay) {
    }

    /**
     * @param settled how long a page that has a later day is kept
     * @param newest how long the newest page is kept
     */
    PastPageCache(long maxBytes, Duration settled, Duration newest) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, maxBytes))
                .weigher((Key key, Page page) -> page.html().length)
                .expireAfter(Expiry.<Key, Page>creating((key, page) -> page.hasLaterDay() ? settled : newest))
                .recordStats()
                .build();
    }

    byte[] get(String username, LocalDate date) {
        Page page = pages.getIfPresent(new Key(username, date));
        return page == null ? null : page.html();
    }

    void put(String username, LocalDate date, byte[] html, boolean hasLaterDay) {
        pages.put(new Key(username, date), new Page(html, hasLaterDay));
    }

    /** For the metrics binder. */
    Cache<?, ?> cache() {
        return pages;
    }
}
