package io.spotifyinsight.sources;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** Test settings: millisecond backoff, short timeouts, 3 attempts. */
final class TestSources {

    static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(40));
    static final OkHttpClient HTTP = new OkHttpClient();

    private TestSources() {}

    static SourceConfig config(String baseUrl) {
        return builder(baseUrl).build();
    }

    /** The test settings, to change one of them. */
    static SourceConfig.Builder builder(String baseUrl) {
        return SourceConfig.builder(baseUrl)
                .retries(3, Duration.ofSeconds(5))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }
}
