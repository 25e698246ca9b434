package io.spotifyinsight.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceConfigTest {

    @Test
    void of_fillsTheDefaults() {
        SourceConfig config = SourceConfig.of("https://api.reccobeats.com", 1.5);

        assertThat(config.requestsPerSecond()).isEqualTo(1.5);
        assertThat(config.maxAttempts()).isEqualTo(3);
        assertThat(config.retryBudget()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.callTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theBuilderSetsWhatItIsTold_andToBuilderKeepsEveryValue() {
        SourceConfig config =
                SourceConfig.builder("https://api.reccobeats.com")
                        .retries(2, Duration.ofSeconds(4))
                        .timeouts(
                                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3))
                        .requestsPerSecond(2)
                        .build();

        assertThat(config)
                .isEqualTo(
                        new SourceConfig(
                                "https://api.reccobeats.com",
                                2,
                                2,
                                Duration.ofSeconds(4),
                                Duration.ofSeconds(1),
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(3)));
        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.toBuilder().requestsPerSecond(0).build().maxAttempts()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080",
                "http://127.4.5.6/ws/2",
                "http://localhost:1/2.0/",
                "http://[::1]:9000",
                "https://musicbrainz.org/ws/2"
            })
    void httpsOrALoopbackHost_isAccepted(String url) {
        assertThat(SourceConfig.of(url, 0).baseUrl()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://musicbrainz.org/ws/2",
                "http://128.0.0.1",
                "http://localhost.evil.example"
            })
    void plainHttpToAnyOtherHost_isRefused(String url) {
        assertThatThrownBy(() -> SourceConfig.of(url, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl must use https unless the host is loopback");
    }

    @Test
    void everyProblemIsReportedInOneMessage() {
        assertThatThrownBy(
                        () ->
                                new SourceConfig(
                                        "ftp://example.com",
                                        -1,
                                        0,
                                        Duration.ZERO,
                                        null,
                                        Duration.ofSeconds(1),
                                        Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl must be an http(s) URL")
                .hasMessageContaining("requestsPerSecond must be a number >= 0")
                .hasMessageContaining("maxAttempts must be at least 1")
                .hasMessageContaining("retryBudget must be a positive duration")
                .hasMessageContaining("connectTimeout must be a positive duration");
    }

    @Test
    void neitherToStringNorErrorsShowAQueryString() {
        String secretUrl = "https://ws.audioscrobbler.com/2.0/?api_key=s3cr3t";
        assertThat(SourceConfig.of(secretUrl, 0).toString())
                .doesNotContain("s3cr3t")
                .isEqualTo(
                        "SourceConfig[baseUrl=https://ws.audioscrobbler.com/2.0/,"
                                + " requestsPerSecond=0.0, maxAttempts=3, retryBudget=PT30S,"
                                + " connectTimeout=PT5S, readTimeout=PT10S, callTimeout=PT15S]");
        assertThatThrownBy(() -> SourceConfig.of("nonsense?api_key=s3cr3t", 0))
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void servicesHaveConfigAndDisplayNames() {
        assertThat(SourceService.LASTFM.configName()).isEqualTo("lastfm");
        assertThat(SourceService.LASTFM.displayName()).isEqualTo("Last.fm");
        assertThat(SourceService.RECCOBEATS.displayName()).isEqualTo("ReccoBeats");
        assertThat(SourceService.MUSICBRAINZ.configName()).isEqualTo("musicbrainz");
    }
}
