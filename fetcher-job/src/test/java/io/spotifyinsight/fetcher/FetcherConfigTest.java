package io.spotifyinsight.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.config.ConfigException;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetcherConfigTest {
    private static FetcherConfig read(Map<String, String> env) {
        return new FetcherEnvironment(env).fetcher();
    }

    @Test
    void defaults_when_nothing_is_set() {
        assertThat(read(Map.of())).isEqualTo(FetcherConfig.defaults());
    }

    @Test
    void reads_every_variable() {
        FetcherConfig config =
                read(
                        Map.of(
                                "APP_TIMEZONE",
                                "Europe/Stockholm",
                                "FETCHER_CONCURRENCY",
                                "16",
                                "FETCHER_STRATEGY",
                                "Search",
                                "LOG_LEVEL",
                                "debug",
                                "FETCHER_MAX_RUN_MINUTES",
                                "45"));
        assertThat(config)
                .isEqualTo(
                        new FetcherConfig(
                                ZoneId.of("Europe/Stockholm"),
                                16,
                                StrategyChoice.SEARCH,
                                java.time.Duration.ofMinutes(45)));
        assertThat(read(Map.of()).maxRunTime()).isEqualTo(java.time.Duration.ofMinutes(120));
    }

    @Test
    void reports_every_problem_naming_the_variable_and_the_accepted_values() {
        assertThatThrownBy(
                        () ->
                                read(
                                        Map.of(
                                                "APP_TIMEZONE",
                                                "CET+99",
                                                "FETCHER_CONCURRENCY",
                                                "65",
                                                "FETCHER_STRATEGY",
                                                "best",
                                                "LOG_LEVEL",
                                                "warning",
                                                "FETCHER_MAX_RUN_MINUTES",
                                                "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("APP_TIMEZONE is 'CET+99'")
                .hasMessageContaining(
                        "FETCHER_CONCURRENCY is '65': expected a whole number from 1 to 64")
                .hasMessageContaining(
                        "FETCHER_STRATEGY is 'best': expected auto, spotify, search or blend")
                .hasMessageContaining(
                        "LOG_LEVEL is 'warning': expected one of TRACE, DEBUG, INFO, WARN, ERROR,"
                                + " OFF")
                .hasMessageContaining(
                        "FETCHER_MAX_RUN_MINUTES is '0': expected a whole number from 1 to 1440"
                                + " (default 120)");
    }
}
