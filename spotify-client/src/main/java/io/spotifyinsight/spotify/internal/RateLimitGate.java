package io.spotifyinsight.spotify.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared pause after a 429: Spotify limits the whole app, so when one caller is told to wait, every
 * caller of the same client waits, instead of each discovering the limit (and lengthening it) on
 * its own. Thread-safe; a pause only ever extends, never shortens.
 */
public final class RateLimitGate {

    private final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());

    /** Blocks new attempts for at least {@code pause} from now. */
    public void pause(Duration pause) {
        if (pause.isNegative() || pause.isZero()) {
            return;
        }
        long until = System.nanoTime() + pause.toNanos();
        pausedUntilNanos.accumulateAndGet(until, (a, b) -> a - b >= 0 ? a : b);
    }

    /** How long attempts must still wait; zero when not paused. */
    public Duration remainingPause() {
        long left = pausedUntilNanos.get() - System.nanoTime();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** Sleeps until the pause is over (a pause extended meanwhile is honoured too). */
    public void awaitClearance() throws InterruptedException {
        for (Duration left = remainingPause(); !left.isZero(); left = remainingPause()) {
            long nanos = left.toNanos();
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }
}
