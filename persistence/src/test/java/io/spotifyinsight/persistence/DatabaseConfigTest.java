package io.spotifyinsight.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {
    @Test
    void fromEnv_withNothingSet_usesTheDocumentedDefaults() {
        DatabaseConfig config = DatabaseConfig.fromEnv(Map.of());
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/spotify_insight");
        assertThat(config.user()).isEqualTo("postgres");
        assertThat(config.password()).isEmpty();
        assertThat(config.poolSize()).isEqualTo(10);
        assertThat(config.connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void fromEnv_reportsEveryBadVariableByName_inOneMessage() {
        assertThatThrownBy(() -> DatabaseConfig.fromEnv(Map.of(
                "DATABASE_URL", "mysql://nope",
                "DATABASE_POOL_SIZE", "lots",
                "DATABASE_CONNECTION_TIMEOUT_SECONDS", "0")))
                .isInstanceOf(DatabaseConfigException.class)
                .hasMessageContaining("DATABASE_URL must be a PostgreSQL JDBC URL")
                .hasMessageContaining("DATABASE_POOL_SIZE must be a whole number from 1 to 200 (got 'lots')")
                .hasMessageContaining("DATABASE_CONNECTION_TIMEOUT_SECONDS must be a whole number from 1 to 300");
    }

    @Test
    void toString_neverShowsThePassword() {
        DatabaseConfig config = DatabaseConfig.fromEnv(Map.of(
                "DATABASE_URL", "jdbc:postgresql://db:5432/x?password=hunter2",
                "DATABASE_PASSWORD", "s3cr3t-value"));
        assertThat(config.toString()).doesNotContain("s3cr3t-value").doesNotContain("hunter2");
    }
}
