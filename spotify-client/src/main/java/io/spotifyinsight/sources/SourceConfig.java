package io.spotifyinsight.sources;

import io.spotifyinsight.spotify.internal.ConfigChecks;
import io.spotifyinsight.spotify.internal.SecureUrls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Validated settings of one source client. Immutable; {@link #toString()} never shows secrets (a
 * query string in the base URL is left out).
 *
 * @param baseUrl http(s) base of the service; https unless the host is loopback (tests and fakes)
 * @param requestsPerSecond client-side limit shared by all threads of the client; 0 means none
 *     (MusicBrainz is held to at most one request per second whatever this says)
 * @param maxAttempts attempts per operation, including the first
 * @param retryBudget total time one operation may take, waits included
 */
public record SourceConfig(
        String baseUrl,
        double requestsPerSecond,
        int maxAttempts,
        Duration retryBudget,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout) {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(15);

    public SourceConfig {
        List<String> problems = new ArrayList<>();
        baseUrl = checkBaseUrl(baseUrl, problems);
        ConfigChecks.requestsPerSecond(requestsPerSecond, problems);
        ConfigChecks.maxAttempts(maxAttempts, problems);
        ConfigChecks.positive("retryBudget", retryBudget, problems);
        ConfigChecks.positive("connectTimeout", connectTimeout, problems);
        ConfigChecks.positive("readTimeout", readTimeout, problems);
        ConfigChecks.positive("callTimeout", callTimeout, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "invalid source configuration: " + String.join("; ", problems));
        }
    }

    /** Defaults: 3 attempts, 30 s budget, 5 s connect, 10 s read and 15 s call timeout. */
    public static SourceConfig of(String baseUrl, double requestsPerSecond) {
        return new SourceConfig(
                baseUrl,
                requestsPerSecond,
                DEFAULT_MAX_ATTEMPTS,
                DEFAULT_RETRY_BUDGET,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT,
                DEFAULT_CALL_TIMEOUT);
    }

    public SourceConfig withRetries(int newMaxAttempts, Duration newRetryBudget) {
        return new SourceConfig(
                baseUrl,
                requestsPerSecond,
                newMaxAttempts,
                newRetryBudget,
                connectTimeout,
                readTimeout,
                callTimeout);
    }

    public SourceConfig withTimeouts(Duration connect, Duration read, Duration call) {
        return new SourceConfig(
                baseUrl, requestsPerSecond, maxAttempts, retryBudget, connect, read, call);
    }

    public SourceConfig withRequestsPerSecond(double newRequestsPerSecond) {
        return new SourceConfig(
                baseUrl,
                newRequestsPerSecond,
                maxAttempts,
                retryBudget,
                connectTimeout,
                readTimeout,
                callTimeout);
    }

    /** The base URL as parsed; valid by construction. */
    public HttpUrl httpUrl() {
        return HttpUrl.get(baseUrl);
    }

    @Override
    public String toString() {
        HttpUrl url = HttpUrl.parse(baseUrl);
        String shown =
                url == null
                        ? "<invalid>"
                        : url.newBuilder().query(null).username("").password("").build().toString();
        return "SourceConfig[baseUrl="
                + shown
                + ", requestsPerSecond="
                + requestsPerSecond
                + ", maxAttempts="
                + maxAttempts
                + ", retryBudget="
                + retryBudget
                + ", connectTimeout="
                + connectTimeout
                + ", readTimeout="
                + readTimeout
                + ", callTimeout="
                + callTimeout
                + "]";
    }

    private static String checkBaseUrl(String baseUrl, List<String> problems) {
        String problem = SecureUrls.problem("baseUrl", baseUrl, "https://api.example.com");
        if (problem != null) {
            problems.add(problem);
        }
        return baseUrl == null ? null : baseUrl.strip();
    }
}
