package io.spotifyinsight.spotify;

import io.spotifyinsight.spotify.fake.FakeSpotify;
import java.time.Duration;

/** Clients pointed at a fake, with millisecond backoff so retry tests stay fast. */
public final class TestClients {

    public static final Duration FAST_INITIAL_BACKOFF = Duration.ofMillis(5);
    public static final Duration FAST_MAX_BACKOFF = Duration.ofMillis(40);

    private TestClients() {}

    /** Defaults for a test: 5 attempts, 10 s budget, 5 s timeouts, fast backoff. */
    public static SpotifyConfig config(FakeSpotify fake) {
        Duration timeout = Duration.ofSeconds(5);
        return fake.config().toBuilder()
                .retries(5, Duration.ofSeconds(10))
                .timeouts(timeout, timeout, timeout)
                .build();
    }

    public static SpotifyClient.Builder builder(FakeSpotify fake) {
        return builder(config(fake));
    }

    public static SpotifyClient.Builder builder(SpotifyConfig config) {
        return SpotifyClient.builder(config).backoff(FAST_INITIAL_BACKOFF, FAST_MAX_BACKOFF);
    }

    public static SpotifyClient client(FakeSpotify fake) {
        return builder(fake).build();
    }
}
