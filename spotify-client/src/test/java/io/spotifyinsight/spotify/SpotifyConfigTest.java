package io.spotifyinsight.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

class SpotifyConfigTest {

    private static final String SECRET = "s3cr3t-value-xyz";

    @Test
    void fromEnvWithOnlyCredentialsUsesTheDefaults() {
        SpotifyConfig config =
                SpotifyConfig.fromEnv(
                        Map.of("SPOTIFY_CLIENT_ID", "my-id", "SPOTIFY_CLIENT_SECRET", SECRET));

        assertThat(config.apiUrl()).isEqualTo("https://api.spotify.com/v1");
        assertThat(config.accountsUrl()).isEqualTo("https://accounts.spotify.com");
        assertThat(config.tokenUrl()).isEqualTo("https://accounts.spotify.com/api/token");
        assertThat(config.maxAttempts()).isEqualTo(5);
        assertThat(config.retryBudget()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.requestsPerSecond()).isZero();
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.callTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void fromEnvReadsEveryVariable() {
        SpotifyConfig config =
                SpotifyConfig.fromEnv(
                        Map.of(
                                "SPOTIFY_CLIENT_ID",
                                "my-id",
                                "SPOTIFY_CLIENT_SECRET",
                                SECRET,
                                "SPOTIFY_API_URL",
                                "http://127.0.0.1:8090/v1/",
                                "SPOTIFY_ACCOUNTS_URL",
                                "http://127.0.0.1:8090",
                                "SPOTIFY_MAX_ATTEMPTS",
                                "3",
                                "SPOTIFY_RETRY_BUDGET_SECONDS",
                                "60",
                                "SPOTIFY_REQUESTS_PER_SECOND",
                                "2.5",
                                "SPOTIFY_TIMEOUT_SECONDS",
                                "5"));

        assertThat(config.apiUrl()).isEqualTo("http://127.0.0.1:8090/v1");
        assertThat(config.tokenUrl()).isEqualTo("http://127.0.0.1:8090/api/token");
        assertThat(config.maxAttempts()).isEqualTo(3);
        assertThat(config.retryBudget()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.requestsPerSecond()).isEqualTo(2.5);
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void fromEnvReportsEveryProblemInOneMessage() {
        assertThatThrownBy(
                        () ->
                                SpotifyConfig.fromEnv(
                                        Map.of(
                                                "SPOTIFY_API_URL", "ftp:/nope",
                                                "SPOTIFY_MAX_ATTEMPTS", "zero",
                                                "SPOTIFY_RETRY_BUDGET_SECONDS", "-1",
                                                "SPOTIFY_REQUESTS_PER_SECOND", "fast",
                                                "SPOTIFY_TIMEOUT_SECONDS", "0")))
                .isInstanceOf(SpotifyConfigException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 problems")
                .hasMessageContaining("SPOTIFY_CLIENT_ID is missing")
                .hasMessageContaining("SPOTIFY_CLIENT_SECRET is missing")
                .hasMessageContaining("SPOTIFY_API_URL is 'ftp:/nope': expected an http(s) URL")
                .hasMessageContaining(
                        "SPOTIFY_MAX_ATTEMPTS is 'zero': expected a whole number from 1 to 20")
                .hasMessageContaining("SPOTIFY_RETRY_BUDGET_SECONDS is '-1'")
                .hasMessageContaining(
                        "SPOTIFY_REQUESTS_PER_SECOND is 'fast': expected a number >= 0")
                .hasMessageContaining("SPOTIFY_TIMEOUT_SECONDS is '0'");
    }

    @Test
    void blankCredentialsCountAsMissing() {
        assertThatThrownBy(
                        () ->
                                SpotifyConfig.fromEnv(
                                        Map.of(
                                                "SPOTIFY_CLIENT_ID",
                                                " ",
                                                "SPOTIFY_CLIENT_SECRET",
                                                "")))
                .hasMessageContaining("2 problems");
    }

    @Test
    void theSecretNeverAppearsInToStringOrErrors() {
        SpotifyConfig config =
                SpotifyConfig.fromEnv(
                        Map.of("SPOTIFY_CLIENT_ID", "my-id", "SPOTIFY_CLIENT_SECRET", SECRET));

        assertThat(config.toString())
                .contains("my-id")
                .contains("<redacted>")
                .doesNotContain(SECRET);
        assertThatThrownBy(
                        () ->
                                SpotifyConfig.fromEnv(
                                        Map.of(
                                                "SPOTIFY_CLIENT_SECRET",
                                                SECRET,
                                                "SPOTIFY_MAX_ATTEMPTS",
                                                "x")))
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void theRecordValidatesItsComponentsToo() {
        assertThatThrownBy(() -> SpotifyConfig.of("id", SECRET).withRetries(0, Duration.ZERO))
                .isInstanceOf(SpotifyConfigException.class)
                .hasMessageContaining("maxAttempts must be at least 1")
                .hasMessageContaining("retryBudget must be a positive duration");
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopbackAndUrlsInMessagesAreRedacted() {
        assertThatThrownBy(() -> SpotifyConfig.fromEnv(Map.of("SPOTIFY_CLIENT_ID", "id", "SPOTIFY_CLIENT_SECRET", "s",
                        "SPOTIFY_ACCOUNTS_URL", "http://accounts.example.org",
                        "SPOTIFY_API_URL", "not a url://user:pw@x?key=k1")))
                .isInstanceOf(SpotifyConfigException.class)
                .hasMessageContaining("SPOTIFY_ACCOUNTS_URL is http://accounts.example.org: expected https unless the"
                        + " host is loopback")
                .hasMessageNotContaining("pw@")
                .hasMessageNotContaining("key=k1");
        SpotifyConfig local = SpotifyConfig.fromEnv(Map.of("SPOTIFY_CLIENT_ID", "id", "SPOTIFY_CLIENT_SECRET", "s",
                "SPOTIFY_ACCOUNTS_URL", "http://localhost:9000", "SPOTIFY_API_URL", "http://[::1]:9000/v1"));
        assertThat(local.tokenUrl()).isEqualTo("http://localhost:9000/api/token");
    }
}
