package io.spotifyinsight.spotify.fake;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Faults queued by tests, consumed one per request in order, and the rolling-window rate limit.
 * Thread-safe.
 */
final class FakeFaults {

    private static final String MALFORMED =
            "{\"tracks\": [{\"id\": \"4iV5W9uYEdYUVa79Axb7Rh\", \"name\": \"Trunc";

    private final Deque<Reply> apiFaults = new ArrayDeque<>();
    private final Deque<Reply> tokenFaults = new ArrayDeque<>();
    private final Deque<Long> window = new ArrayDeque<>();
    private double requestsPerSecond;
    private Duration windowLength = Duration.ofSeconds(30);

    synchronized void add(boolean tokenEndpoint, int count, Reply reply) {
        for (int i = 0; i < count; i++) {
            (tokenEndpoint ? tokenFaults : apiFaults).addLast(reply);
        }
    }

    static Reply status(int status) {
        return Reply.json(
                status,
                FakeJson.error(
                        status,
                        status >= 500 ? "Service temporarily unavailable" : "Injected failure"));
    }

    static Reply rateLimited(Duration retryAfter) {
        Reply reply = Reply.json(429, FakeJson.error(429, "API rate limit exceeded"));
        return retryAfter == null
                ? reply
                : reply.withHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
    }

    /** The July 2026 answer to a spent development-mode quota, with its hours-long Retry-After. */
    static Reply quotaExceeded(Duration retryAfter) {
        return Reply.json(
                        429,
                        "{\"error\":{\"status\":429,\"message\":\"Too many"
                                + " requests\",\"reason\":\"QUOTA_EXCEEDED\"}}")
                .withHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
    }

    static Reply malformed() {
        return Reply.json(200, MALFORMED);
    }

    synchronized Reply nextApiFault() {
        return apiFaults.pollFirst();
    }

    synchronized Reply nextTokenFault() {
        return tokenFaults.pollFirst();
    }

    synchronized void clear() {
        apiFaults.clear();
        tokenFaults.clear();
    }

    synchronized void setRateLimit(double requestsPerSecond, Duration windowLength) {
        this.requestsPerSecond = requestsPerSecond;
        this.windowLength = windowLength;
        window.clear();
    }

    /**
     * Counts an API request against the rolling window; returns a 429 with Retry-After (whole
     * seconds until the oldest counted request leaves the window) when over the limit.
     */
    synchronized Reply overRateLimit() {
        if (requestsPerSecond <= 0) {
            return null;
        }
        long now = System.nanoTime();
        long length = windowLength.toNanos();
        while (!window.isEmpty() && now - window.peekFirst() >= length) {
            window.pollFirst();
        }
        long allowed = Math.max(1, (long) Math.floor(requestsPerSecond * length / 1e9));
        if (window.size() >= allowed) {
            long waitNanos = window.peekFirst() + length - now;
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            return rateLimited(Duration.ofSeconds(seconds));
        }
        window.addLast(now);
        return null;
    }
}
