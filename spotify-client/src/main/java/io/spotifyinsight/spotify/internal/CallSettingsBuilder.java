package io.spotifyinsight.spotify.internal;

import java.time.Duration;

/**
 * The retry, rate and timeout settings every client config takes, collected the same way by each
 * config's builder; each builder sets its client's defaults through these setters. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
public abstract class CallSettingsBuilder<B extends CallSettingsBuilder<B>> {

    protected int maxAttempts;
    protected Duration retryBudget;
    protected double requestsPerSecond;
    protected Duration connectTimeout;
    protected Duration readTimeout;
    protected Duration callTimeout;

    /** Attempts per operation, including the first, and the total time one may take. */
    public final B retries(int newMaxAttempts, Duration newRetryBudget) {
        this.maxAttempts = newMaxAttempts;
        this.retryBudget = newRetryBudget;
        return self();
    }

    /** 0 (the default) means no client-side limit. */
    public final B requestsPerSecond(double newRequestsPerSecond) {
        this.requestsPerSecond = newRequestsPerSecond;
        return self();
    }

    public final B timeouts(Duration connect, Duration read, Duration call) {
        this.connectTimeout = connect;
        this.readTimeout = read;
        this.callTimeout = call;
        return self();
    }

    @SuppressWarnings("unchecked") // B is the concrete builder by the class's contract
    private B self() {
        return (B) this;
    }
}
