package io.spotifyinsight.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

class TestPostgresTest {
    @Test
    void anUnusableConfiguredServer_failsWithWhatToProvide() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres?connectTimeout=2";

        assertThatThrownBy(() -> TestPostgres.find(Map.of(TestPostgres.URL_VARIABLE, url)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        TestPostgres.URL_VARIABLE
                                + "="
                                + url
                                + " is set, but its server cannot be used")
                .hasMessageContaining(
                        "Provide one of: (1)"
                            + " SPOTIFY_INSIGHT_TEST_DB_URL=jdbc:postgresql://HOST:PORT/postgres")
                .hasMessageContaining("(2) a running Docker engine")
                .hasMessageContaining("(3) PostgreSQL on localhost:5432");
    }

    @Test
    void serverUrls_swapOnlyTheDatabaseName() {
        PostgresServer server =
                new PostgresServer(
                        "jdbc:postgresql://db.example:6543/postgres?ssl=true", "u", null, "test");
        assertThat(server.urlOf("si_test_1"))
                .isEqualTo("jdbc:postgresql://db.example:6543/si_test_1?ssl=true");
        assertThat(server.password()).isEmpty();
    }

    @Test
    void theContainerImage_isTheOfficialOneUnlessTheVariableNamesAnother() {
        assertThat(ContainerPostgres.image(Map.of()).asCanonicalNameString())
                .isEqualTo("postgres:15-alpine");
        assertThat(
                        ContainerPostgres.image(Map.of(ContainerPostgres.IMAGE_VARIABLE, " "))
                                .asCanonicalNameString())
                .isEqualTo("postgres:15-alpine");
        var local =
                ContainerPostgres.image(
                        Map.of(
                                ContainerPostgres.IMAGE_VARIABLE,
                                "spotify-insight-standin/postgres:15"));
        assertThat(local.asCanonicalNameString()).isEqualTo("spotify-insight-standin/postgres:15");
        assertThat(local.isCompatibleWith(DockerImageName.parse("postgres"))).isTrue();
    }
}
