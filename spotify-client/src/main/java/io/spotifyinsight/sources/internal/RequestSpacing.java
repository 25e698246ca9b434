package io.spotifyinsight.sources.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * One request at a time, each sent at least {@code gap} after the previous one <em>ended</em>. A
 * rate limiter spaces the moments requests are released, but on a busy machine a released request
 * may leave late and the next one on time, so two can arrive closer than the limit: MusicBrainz
 * counts arrivals and blocks IPs that exceed 1 per second. Spacing from the end of the previous
 * exchange makes the arrival gap at least {@code gap} whatever the scheduling. Thread-safe.
 */
public final class RequestSpacing implements Interceptor {

    private final long gapNanos;
    private long lastEnded = System.nanoTime() - Long.MAX_VALUE / 4;

    public RequestSpacing(Duration gap) {
        this.gapNanos = gap.toNanos();
    }

    @Override
    public synchronized Response intercept(Chain chain) throws IOException {
        long wait = lastEnded + gapNanos - System.nanoTime();
        try {
            while (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                wait = lastEnded + gapNanos - System.nanoTime();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while spacing requests");
        }
        try {
            return chain.proceed(chain.request());
        } finally {
            lastEnded = System.nanoTime();
        }
    }
}
