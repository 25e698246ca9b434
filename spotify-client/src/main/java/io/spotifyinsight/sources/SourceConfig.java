package io.spotifyinsight.sources;

import io.spotifyinsight.spotify.internal.CallSettingsBuilder;
import io.spotifyinsight.spotify.internal.ConfigChecks;
import io.spotifyinsight.spotify.internal.RecordText;
import io.spotifyinsight.spotify.internal.SecureUrls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        ConfigChecks.retries(maxAttempts, retryBudget, requestsPerSecond, problems);
        ConfigChecks.timeouts(connectTimeout, readTimeout, callTimeout, problems);
        ConfigChecks.failIfAny("source configuration", problems);
    }

    /** Defaults: 3 attempts, 30 s budget, 5 s connect, 10 s read and 15 s call timeout. */
    public static SourceConfig of(String baseUrl, double requestsPerSecond) {
        return builder(baseUrl).requestsPerSecond(requestsPerSecond).build();
    }

    /** The way to build one: the defaults of {@link #of} for everything but the base URL. */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** A builder holding this configuration's values, to derive a variant. */
    public Builder toBuilder() {
        return builder(baseUrl)
                .retries(maxAttempts, retryBudget)
                .requestsPerSecond(requestsPerSecond)
                .timeouts(connectTimeout, readTimeout, callTimeout);
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
        return RecordText.of(this, Map.of("baseUrl", shown));
    }

    private static String checkBaseUrl(String baseUrl, List<String> problems) {
        String problem = SecureUrls.problem("baseUrl", baseUrl, "https://api.example.com");
        if (problem != null) {
            problems.add(problem);
        }
        return baseUrl == null ? null : baseUrl.strip();
    }

    /** Collects the settings; {@link #build()} validates them all at once. Not thread-safe. */
    public static final class Builder extends CallSettingsBuilder<Builder> {
        private final String baseUrl;

        private Builder(String baseUrl) {
            this.baseUrl = baseUrl;
            retries(DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_BUDGET);
            timeouts(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_CALL_TIMEOUT);
        }

        /**
         * @throws IllegalArgumentException naming every invalid setting
         */
        public SourceConfig build() {
            return new SourceConfig(
                    baseUrl,
                    requestsPerSecond,
                    maxAttempts,
                    retryBudget,
                    connectTimeout,
                    readTimeout,
                    callTimeout);
        }
    }
}
