package io.spotifyinsight.fetcher.engine;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts what the fetcher sent to one service (every attempt, retries and token requests included)
 * and how many answers were 429, for the run summary and the benchmark. An application interceptor
 * on the shared OkHttpClient; thread-safe.
 */
public final class ServiceTraffic implements Interceptor {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    @Override
    public Response intercept(Chain chain) throws IOException {
        requests.incrementAndGet();
        try {
            Response response = chain.proceed(chain.request());
            if (response.code() == 429) {
                rateLimited.incrementAndGet();
            } else if (response.code() >= 500) {
                failed.incrementAndGet();
            }
            return response;
        } catch (IOException e) {
            failed.incrementAndGet();
            throw e;
        }
    }

    /** The counts so far (each read on its own: while requests run, not one instant's). */
    public Counts counts() {
        return new Counts(requests.get(), rateLimited.get(), failed.get());
    }

    @Override
    public String toString() {
        return counts().toString();
    }

    /**
     * What one service was sent: every attempt, those answered 429, and those {@code failed}: 5xx
     * answers and requests without an answer (connection failures, timeouts).
     */
    public record Counts(long requests, long rateLimited, long failed) {
        @Override
        public String toString() {
            return requests
                    + " requests, "
                    + rateLimited
                    + " answered 429, "
                    + failed
                    + " failed (5xx or no answer)";
        }
    }
}
