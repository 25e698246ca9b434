package io.spotifyinsight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.persistence.DatabaseConfig;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedVariablesTest {
    private static DatabaseConfig database(Map<String, String> variables) {
        EnvReader env = new EnvReader(variables);
        DatabaseConfig config = SharedVariables.database(env, DatabaseConfig.DEFAULT_POOL_SIZE);
        env.check();
        return config;
    }

    @Test
    void database_withNothingSet_usesTheDocumentedDefaults() {
        DatabaseConfig config = database(Map.of());
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/spotify_insight");
        assertThat(config.user()).isEqualTo("postgres");
        assertThat(config.password()).isEmpty();
        assertThat(config.poolSize()).isEqualTo(10);
        assertThat(config.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void database_reportsEveryBadVariableByName_inOneMessage() {
        assertThatThrownBy(
                        () ->
                                database(
                                        Map.of(
                                                "DATABASE_URL", "mysql://nope?password=hunter2",
                                                "DATABASE_POOL_SIZE", "lots",
                                                "DATABASE_CONNECTION_TIMEOUT_SECONDS", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "DATABASE_URL is 'mysql://nope?password=***': expected a PostgreSQL JDBC"
                                + " URL")
                .hasMessageContaining(
                        "DATABASE_POOL_SIZE is 'lots': expected a whole number from 1 to 200"
                                + " (default 10)")
                .hasMessageContaining(
                        "DATABASE_CONNECTION_TIMEOUT_SECONDS is '0': expected a whole number from 1"
                                + " to 300")
                .hasMessageNotContaining("hunter2")
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3));
    }

    @Test
    void toString_neverShowsThePassword() {
        DatabaseConfig config =
                database(
                        Map.of(
                                "DATABASE_URL", "jdbc:postgresql://db:5432/x?password=hunter2",
                                "DATABASE_PASSWORD", "s3cr3t-value"));
        assertThat(config.toString()).doesNotContain("s3cr3t-value").doesNotContain("hunter2");
    }

    @Test
    void aConfigBuiltInCode_withAnotherDatabasesUrl_isRefusedWithoutThePassword() {
        assertThatThrownBy(() -> DatabaseConfig.of("jdbc:mysql://db/x?password=hunter2", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "jdbcUrl must start with jdbc:postgresql:, got"
                                + " jdbc:mysql://db/x?password=***");
    }

    @Test
    void logVariables_areCheckedWithTimezone_allProblemsAtOnce() {
        EnvReader env =
                new EnvReader(
                        Map.of(
                                "APP_TIMEZONE",
                                "Mars/Base",
                                "LOG_LEVEL",
                                "loud",
                                "LOG_FORMAT",
                                "JSON"));
        assertThat(SharedVariables.timezone(env)).isEqualTo(ZoneId.of("UTC"));
        SharedVariables.checkLogLevel(env);
        assertThat(SharedVariables.jsonLogs(env)).isFalse();
        assertThatThrownBy(env::check)
                .hasMessageContaining("APP_TIMEZONE is 'Mars/Base': expected an IANA time zone")
                .hasMessageContaining(
                        "LOG_LEVEL is 'loud': expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF")
                .hasMessageContaining(
                        "LOG_FORMAT is 'JSON': expected text (the default: timestamped lines) or"
                                + " json");
    }
}
