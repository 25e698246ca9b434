package io.spotifyinsight.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.config.ConfigException;
import io.spotifyinsight.fetcher.FetcherEnvironment.Needs;
import io.spotifyinsight.spotify.SpotifyConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetcherEnvironmentTest {
    private static final String SECRET = "s3cr3t-value-xyz";

    private static SpotifyConfig spotify(Map<String, String> env) {
        return new FetcherEnvironment(env).spotify();
    }

    /** Spotify's settings with credentials and these two URLs. */
    private static SpotifyConfig spotifyAt(String accountsUrl, String apiUrl) {
        return spotify(
                Map.of(
                        "SPOTIFY_CLIENT_ID",
                        "id",
                        "SPOTIFY_CLIENT_SECRET",
                        "s",
                        "SPOTIFY_ACCOUNTS_URL",
                        accountsUrl,
                        "SPOTIFY_API_URL",
                        apiUrl));
    }

    @Test
    void two_bad_variables_of_different_parts_are_both_reported_at_once() {
        FetcherEnvironment env =
                new FetcherEnvironment(
                        Map.of(
                                "DATABASE_POOL_SIZE",
                                "lots",
                                "SPOTIFY_CLIENT_ID",
                                "id",
                                "SPOTIFY_CLIENT_SECRET",
                                SECRET,
                                "SPOTIFY_MAX_ATTEMPTS",
                                "zero"));
        assertThatThrownBy(() -> env.require(Needs.DATABASE, Needs.SPOTIFY))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "configuration error:\n"
                            + "  - DATABASE_POOL_SIZE is 'lots': expected a whole number from 1 to"
                            + " 200 (default 10)\n"
                            + "  - SPOTIFY_MAX_ATTEMPTS is 'zero': expected a whole number from 1"
                            + " to 20 (default 5)");
    }

    @Test
    void only_the_needed_parts_are_read() {
        FetcherEnvironment env = new FetcherEnvironment(Map.of("FETCHER_CONCURRENCY", "0"));
        env.require(Needs.DATABASE);
        assertThatThrownBy(() -> env.require(Needs.DATABASE, Needs.FETCHER))
                .hasMessageContaining("FETCHER_CONCURRENCY is '0'");
    }

    @Test
    void spotify_withOnlyCredentials_usesTheDefaults() {
        SpotifyConfig config =
                spotify(Map.of("SPOTIFY_CLIENT_ID", "my-id", "SPOTIFY_CLIENT_SECRET", SECRET));
        assertThat(config).isEqualTo(SpotifyConfig.builder("my-id", SECRET).build());
    }

    @Test
    void spotify_readsEveryVariable() {
        SpotifyConfig config =
                spotify(
                        Map.of(
                                "SPOTIFY_CLIENT_ID", "my-id",
                                "SPOTIFY_CLIENT_SECRET", SECRET,
                                "SPOTIFY_API_URL", "http://127.0.0.1:8090/v1/",
                                "SPOTIFY_ACCOUNTS_URL", "http://127.0.0.1:8090",
                                "SPOTIFY_MAX_ATTEMPTS", "3",
                                "SPOTIFY_RETRY_BUDGET_SECONDS", "60",
                                "SPOTIFY_REQUESTS_PER_SECOND", "2.5",
                                "SPOTIFY_TIMEOUT_SECONDS", "5"));
        assertThat(config.apiUrl()).isEqualTo("http://127.0.0.1:8090/v1");
        assertThat(config.tokenUrl()).isEqualTo("http://127.0.0.1:8090/api/token");
        assertThat(config.maxAttempts()).isEqualTo(3);
        assertThat(config.retryBudget()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.requestsPerSecond()).isEqualTo(2.5);
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void spotify_reportsEveryProblemInOneMessage() {
        assertThatThrownBy(
                        () ->
                                spotify(
                                        Map.of(
                                                "SPOTIFY_API_URL", "ftp:/nope",
                                                "SPOTIFY_MAX_ATTEMPTS", "zero",
                                                "SPOTIFY_RETRY_BUDGET_SECONDS", "-1",
                                                "SPOTIFY_REQUESTS_PER_SECOND", "fast",
                                                "SPOTIFY_TIMEOUT_SECONDS", "0")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(7))
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
    void spotify_blankCredentialsCountAsMissing_andTheSecretIsNeverShown() {
        assertThatThrownBy(
                        () ->
                                spotify(
                                        Map.of(
                                                "SPOTIFY_CLIENT_ID",
                                                " ",
                                                "SPOTIFY_CLIENT_SECRET",
                                                "")))
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(2));
        assertThatThrownBy(
                        () ->
                                spotify(
                                        Map.of(
                                                "SPOTIFY_CLIENT_SECRET",
                                                SECRET,
                                                "SPOTIFY_MAX_ATTEMPTS",
                                                "x")))
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void spotify_plainHttpIsRefusedExceptOnLoopback_andUrlsInMessagesAreRedacted() {
        assertThatThrownBy(
                        () ->
                                spotifyAt(
                                        "http://accounts.example.org",
                                        "not a url://user:pw@x?key=k1"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "SPOTIFY_ACCOUNTS_URL is http://accounts.example.org: expected https unless"
                                + " the host is loopback")
                .hasMessageNotContaining("pw@")
                .hasMessageNotContaining("key=k1");
        SpotifyConfig local = spotifyAt("http://localhost:9000", "http://[::1]:9000/v1");
        assertThat(local.tokenUrl()).isEqualTo("http://localhost:9000/api/token");
    }
}
