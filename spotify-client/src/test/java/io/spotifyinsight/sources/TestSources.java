package io.spotifyinsight.sources;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** Test settings: millisecond backoff, short timeouts, 3 attempts. */
final class TestSources {

    static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(40));
    static final OkHttpClient HTTP = new OkHttpClient();

    private TestSources() {}

    static SourceConfig config(String baseUrl) {
        return SourceConfig.of(baseUrl, 0)
                .withRetries(3, Duration.ofSeconds(5))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }
}
