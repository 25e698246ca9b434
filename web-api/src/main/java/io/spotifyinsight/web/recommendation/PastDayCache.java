package io.spotifyinsight.web.recommendation;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rendered lists of past dates, least recently used evicted first. A past date's list does not change
 * once written (the nightly job writes today's), so an entry never needs invalidating; entries expire
 * after {@code ttlMillis} anyway so that a manual backfill of an old date shows up eventually.
 * Two bounds: at most {@code capacity} lists, and at most {@code maxBytes} of rendered JSON (so that
 * lists of 100 tracks cannot take five times the memory that the entry count suggests).
 * Thread-safe; the lock is held only for a map operation. Hits and misses are counted for
 * {@code /metrics}, so that a benchmark (or an operator) can tell cached answers from database reads.
 */
final class PastDayCache {
    private final int capacity;
    private final long maxBytes;
    private final long ttlMillis;
    private long bytes; // guarded by entries
    private final Map<Key, Entry> entries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    private record Key(String username, LocalDate date) {
    }

    private record Entry(RenderedDay day, long storedAtMillis) {
    }

    PastDayCache(int capacity, long maxBytes, long ttlMillis) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.ttlMillis = ttlMillis;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                if (size() > PastDayCache.this.capacity) {
                    bytes -= eldest.getValue().day().json().length;
                    return true;
                }
                return false;
            }
        };
    }

    RenderedDay get(String username, LocalDate date, long nowMillis) {
        if (capacity == 0) {
            return null;
        }
        Entry entry;
        synchronized (entries) {
            entry = entries.get(new Key(username, date));
        }
        if (entry == null || nowMillis - entry.storedAtMillis() > ttlMillis) {
            misses.increment();
            return null;
        }
        hits.increment();
        return entry.day();
    }

    void put(RenderedDay day, long nowMillis) {
        if (capacity == 0 || day.json().length > maxBytes) {
            return;
        }
        synchronized (entries) {
            Entry replaced = entries.put(new Key(day.username(), day.date()), new Entry(day, nowMillis));
            bytes += day.json().length - (replaced == null ? 0 : replaced.day().json().length);
            Iterator<Entry> eldestFirst = entries.values().iterator();
            while (bytes > maxBytes && eldestFirst.hasNext()) {
                bytes -= eldestFirst.next().day().json().length;
                eldestFirst.remove();
            }
        }
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    long bytes() {
        synchronized (entries) {
            return bytes;
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
