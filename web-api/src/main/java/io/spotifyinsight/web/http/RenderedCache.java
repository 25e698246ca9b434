package io.spotifyinsight.web.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.LocalDate;

/**
 * Rendered answers about past days (a list's JSON, a day page), by user and date, bounded by count
 * and by their size in bytes, each kept at most {@link Freshness#SERVER_CACHE}. Caffeine bounds one
 * weight only, so an entry weighs its size but at least {@code maxBytes / maxEntries}: then neither
 * more than {@code maxEntries} entries nor more than {@code maxBytes} bytes fit.
 */
public final class RenderedCache<V> {
    private final Cache<Key, V> entries;

    private record Key(String username, LocalDate date) {}

    /** How many bytes a value takes. */
    public interface Size<V> {
        int bytes(V value);
    }

    /**
     * How much a cache may hold: {@code maxEntries} answers (0 turns it off) and {@code maxBytes}.
     */
    public record Bounds(int maxEntries, long maxBytes) {
        /**
         * Bounded by bytes alone, for answers whose size varies with their list, not their count;
         * still off when these bounds are.
         */
        public Bounds bytesOnly() {
            return maxEntries == 0 || maxBytes == 0
                    ? new Bounds(0, 0)
                    : new Bounds(Integer.MAX_VALUE, maxBytes);
        }
    }

    public RenderedCache(Bounds bounds, Size<V> size) {
        this(bounds.maxEntries(), bounds.maxBytes(), size, Ticker.systemTicker());
    }

    /** With the ticker that measures the expiry: tests pass their own. */
    RenderedCache(int maxEntries, long maxBytes, Size<V> size, Ticker ticker) {
        long floor = maxEntries == 0 ? 1 : Math.max(1, maxBytes / maxEntries);
        long bound = maxEntries == 0 ? 0 : Math.max(0, maxBytes);
        this.entries =
                Caffeine.newBuilder()
                        .maximumWeight(bound)
                        .weigher(
                                (Key key, V value) ->
                                        (int)
                                                Math.min(
                                                        Integer.MAX_VALUE,
                                                        Math.max(floor, size.bytes(value))))
                        .expireAfterWrite(Freshness.SERVER_CACHE)
                        .ticker(ticker)
                        // evict on the caller's thread: the work is a few map operations, and
                        // bounds hold at once
                        .executor(Runnable::run)
                        .recordStats()
                        .build();
    }

    public V get(String username, LocalDate date) {
        return entries.getIfPresent(new Key(username, date));
    }

    public void put(String username, LocalDate date, V value) {
        entries.put(new Key(username, date), value);
    }

    /** Entries now held (approximate, as Caffeine counts). */
    public long size() {
        return entries.estimatedSize();
    }

    /**
     * Hits, misses, evictions and size as {@code cache_*{cache="name"}}, through Micrometer's
     * Caffeine binder.
     */
    public void bindTo(MeterRegistry registry, String name) {
        CaffeineCacheMetrics.monitor(registry, entries, name);
    }
}
