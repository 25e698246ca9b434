package io.spotifyinsight.persistence.testing;

import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL in a container, for machines with a Docker engine. Stopped by Testcontainers' reaper
 * at JVM exit. The image is {@value #DEFAULT_IMAGE} unless {@value #IMAGE_VARIABLE} names another
 * one (a registry mirror, or a local image such as docker/verify.sh's stand-in {@code
 * spotify-insight-standin/postgres:15}); it must behave like the official image (POSTGRES_USER,
 * POSTGRES_PASSWORD, POSTGRES_DB, its start-up log).
 */
final class ContainerPostgres {
    static final String IMAGE_VARIABLE = "SPOTIFY_INSIGHT_TEST_DB_IMAGE";
    static final String DEFAULT_IMAGE = "postgres:15-alpine";

    private ContainerPostgres() {}

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // lives as long as the test JVM
    static PostgresServer start(Map<String, String> env) {
        DockerImageName image = image(env);
        PostgreSQLContainer container =
                new PostgreSQLContainer(image)
                        .withDatabaseName("postgres")
                        .withUsername("postgres")
                        .withPassword("postgres");
        container.start();
        return new PostgresServer(
                container.getJdbcUrl(),
                container.getUsername(),
                container.getPassword(),
                "Testcontainers (" + image.asCanonicalNameString() + ")");
    }

    /**
     * The image to run: {@value #IMAGE_VARIABLE} when set, else {@value #DEFAULT_IMAGE}; either
     * stands for "postgres".
     */
    static DockerImageName image(Map<String, String> env) {
        String name = env.get(IMAGE_VARIABLE);
        String chosen = name == null || name.isBlank() ? DEFAULT_IMAGE : name.strip();
        return DockerImageName.parse(chosen).asCompatibleSubstituteFor("postgres");
    }
}
