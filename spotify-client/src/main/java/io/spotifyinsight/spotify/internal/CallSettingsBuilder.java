package io.spotifyinsight.spotify.internal;

import java.time.Duration;

/**
 * The retry, rate and timeout settings every client config takes, collected the same way by each
 * config's builder; each client chooses its defaults. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
public abstract class CallSettingsBuilder<B extends CallSettingsBuilder<B>> {

    private int maxAttempts;
    private Duration retryBudget;
    private double requestsPerSecond;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;

    protected CallSettingsBuilder(
            int maxAttempts,
            Duration retryBudget,
            Duration connectTimeout,
            Duration readTimeout,
            Duration callTimeout) {
        this.maxAttempts = maxAttempts;
        this.retryBudget = retryBudget;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.callTimeout = callTimeout;
    }

    /** Attempts per operation, including the first, and the total time one may take. */
    public B retries(int newMaxAttempts, Duration newRetryBudget) {
        this.maxAttempts = newMaxAttempts;
        this.retryBudget = newRetryBudget;
        return self();
    }

    /** 0 (the default) means no client-side limit. */
    public B requestsPerSecond(double newRequestsPerSecond) {
        this.requestsPerSecond = newRequestsPerSecond;
        return self();
    }

    public B timeouts(Duration connect, Duration read, Duration call) {
        this.connectTimeout = connect;
        this.readTimeout = read;
        this.callTimeout = call;
        return self();
    }

    protected abstract B self();

    protected int maxAttempts() {
        return maxAttempts;
    }

    protected Duration retryBudget() {
        return retryBudget;
    }

    protected double requestsPerSecond() {
        return requestsPerSecond;
    }

    protected Duration connectTimeout() {
        return connectTimeout;
    }

    protected Duration readTimeout() {
        return readTimeout;
    }

    protected Duration callTimeout() {
        return callTimeout;
    }
}
