package io.spotifyinsight.web.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Rendered day pages of past dates, bounded by their size in bytes (Caffeine evicts what is least
 * likely to be asked again). Only a page that has a later day is kept: the newest page's "next"
 * link and month appear when tonight's list arrives, so it is rendered afresh; an older page changes
 * only when an operator backfills a date next to it, which the expiry bounds.
 */
final class PastPageCache {
    private final Cache<Key, byte[]> pages;

    private record Key(String username, LocalDate date) {
    }

    PastPageCache(long maxBytes, Duration expiry) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, maxBytes))
                .weigher((Key key, byte[] html) -> html.length)
                .expireAfterWrite(expiry)
                .recordStats()
                .build();
    }

    byte[] get(String username, LocalDate date) {
        return pages.getIfPresent(new Key(username, date));
    }

    void put(String username, LocalDate date, byte[] html) {
        pages.put(new Key(username, date), html);
    }

    /** For the metrics binder. */
    Cache<?, ?> cache() {
        return pages;
    }
}
