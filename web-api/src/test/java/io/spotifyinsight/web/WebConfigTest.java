package io.spotifyinsight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.config.ConfigException;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebConfigTest {
    @Test
    void defaults_match_the_old_service() {
        WebConfig config = WebConfig.fromEnv(Map.of());
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(8000);
        assertThat(config.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.database().jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/spotify_insight");
    }

    @Test
    void pool_threads_and_cache_default_to_sizes_for_a_small_server_and_can_be_raised() {
        WebConfig defaults = WebConfig.fromEnv(Map.of());
        assertThat(defaults.database().poolSize()).isEqualTo(4);
        assertThat(defaults.maxThreads()).isEqualTo(8);
        assertThat(defaults.cacheEntries()).isEqualTo(50_000);
        assertThat(WebConfig.cacheMaxBytes(1_000_000_000L)).isEqualTo(250_000_000L);

        WebConfig raised =
                WebConfig.fromEnv(
                        Map.of(
                                "DATABASE_POOL_SIZE",
                                "12",
                                "WEB_MAX_THREADS",
                                "40",
                                "WEB_CACHE_ENTRIES",
                                "50000"));
        assertThat(raised.database().poolSize()).isEqualTo(12);
        assertThat(raised.maxThreads()).isEqualTo(40);
        assertThat(raised.cacheEntries()).isEqualTo(50_000);
    }

    @Test
    void every_bad_variable_is_reported_by_name_in_one_message() {
        assertThatThrownBy(
                        () ->
                                WebConfig.fromEnv(
                                        Map.of(
                                                "PORT",
                                                "99999",
                                                "HOST",
                                                "bad host!",
                                                "APP_TIMEZONE",
                                                "Mars/Base",
                                                "WEB_MIGRATE",
                                                "maybe",
                                                "DATABASE_POOL_SIZE",
                                                "0",
                                                "WEB_MAX_THREADS",
                                                "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "PORT is '99999': expected a whole number from 0 to 65535 (default 8000)")
                .hasMessageContaining("HOST is 'bad host!': expected a host name or IP address")
                .hasMessageContaining("APP_TIMEZONE is 'Mars/Base': expected an IANA time zone")
                .hasMessageContaining("WEB_MIGRATE is 'maybe': expected true or false")
                .hasMessageContaining("DATABASE_POOL_SIZE")
                .hasMessageContaining("WEB_MAX_THREADS");
    }

    @Test
    void log_format_is_text_or_json_in_lower_case() {
        assertThat(WebConfig.fromEnv(Map.of("LOG_FORMAT", "json")).port())
                .isEqualTo(WebConfig.DEFAULT_PORT);
        assertThat(WebConfig.fromEnv(Map.of("LOG_FORMAT", "text")).port())
                .isEqualTo(WebConfig.DEFAULT_PORT);
        assertThatThrownBy(() -> WebConfig.fromEnv(Map.of("LOG_FORMAT", "JSON")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "LOG_FORMAT is 'JSON': expected text (the default: timestamped lines) or"
                                + " json")
                .hasMessageContaining("in lower case");
    }

    @Test
    void a_password_never_appears_in_the_configuration_text() {
        WebConfig config = WebConfig.fromEnv(Map.of("DATABASE_PASSWORD", "s3cret"));
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void the_read_query_is_captured_for_pgbench() {
        assertThat(ReadQuery.sql())
                .startsWith("select ")
                .contains(":date")
                .contains(":username")
                .doesNotContain("?");
    }
}
