package io.spotifyinsight.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpotifyConfigTest {

    private static final String SECRET = "s3cr3t-value-xyz";

    @Test
    void aBuilderWithOnlyCredentialsUsesTheDefaults() {
        SpotifyConfig config = SpotifyConfig.builder("my-id", SECRET).build();

        assertThat(config)
                .isEqualTo(
                        new SpotifyConfig(
                                "my-id",
                                SECRET,
                                "https://api.spotify.com/v1",
                                "https://accounts.spotify.com",
                                5,
                                Duration.ofSeconds(120),
                                0,
                                Duration.ofSeconds(10),
                                Duration.ofSeconds(30),
                                Duration.ofSeconds(30)));
        assertThat(config.tokenUrl()).isEqualTo("https://accounts.spotify.com/api/token");
    }

    @Test
    void toBuilderKeepsEverySettingAndChangesOnlyWhatIsSet() {
        SpotifyConfig config =
                SpotifyConfig.builder("my-id", SECRET)
                        .urls("http://127.0.0.1:8090/v1/", "http://127.0.0.1:8090")
                        .retries(3, Duration.ofSeconds(60))
                        .requestsPerSecond(2.5)
                        .timeouts(
                                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3))
                        .build();

        assertThat(config.apiUrl()).isEqualTo("http://127.0.0.1:8090/v1");
        assertThat(config.toBuilder().build()).isEqualTo(config);
        SpotifyConfig faster = config.toBuilder().requestsPerSecond(5).build();
        assertThat(faster.requestsPerSecond()).isEqualTo(5);
        assertThat(faster.maxAttempts()).isEqualTo(3);
        assertThat(faster.tokenUrl()).isEqualTo("http://127.0.0.1:8090/api/token");
    }

    @Test
    void theRecordValidatesEverySettingAtOnce() {
        assertThatThrownBy(
                        () ->
                                SpotifyConfig.builder(" ", SECRET)
                                        .retries(0, Duration.ZERO)
                                        .requestsPerSecond(Double.NaN)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clientId must not be blank")
                .hasMessageContaining("maxAttempts must be at least 1")
                .hasMessageContaining("retryBudget must be a positive duration")
                .hasMessageContaining("requestsPerSecond must be a number >= 0")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void theSecretNeverAppearsInToString() {
        assertThat(SpotifyConfig.builder("my-id", SECRET).build().toString())
                .contains("my-id")
                .isEqualTo(
                        "SpotifyConfig[clientId=my-id, clientSecret=<redacted>,"
                                + " apiUrl=https://api.spotify.com/v1,"
                                + " accountsUrl=https://accounts.spotify.com, maxAttempts=5,"
                                + " retryBudget=PT2M, requestsPerSecond=0.0, connectTimeout=PT10S,"
                                + " readTimeout=PT30S, callTimeout=PT30S]")
                .doesNotContain(SECRET);
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopback() {
        assertThatThrownBy(
                        () ->
                                SpotifyConfig.builder("id", "s")
                                        .urls(
                                                SpotifyConfig.DEFAULT_API_URL,
                                                "http://accounts.example.org")
                                        .build())
                .hasMessageContaining("accountsUrl");
        SpotifyConfig local =
                SpotifyConfig.builder("id", "s")
                        .urls("http://[::1]:9000/v1", "http://localhost:9000")
                        .build();
        assertThat(local.tokenUrl()).isEqualTo("http://localhost:9000/api/token");
    }
}
