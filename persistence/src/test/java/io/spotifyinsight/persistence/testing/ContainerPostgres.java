package io.spotifyinsight.persistence.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** A PostgreSQL in a container, for machines with a Docker engine. Stopped by Testcontainers' reaper at JVM exit. */
final class ContainerPostgres {
    private ContainerPostgres() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // lives as long as the test JVM
    static PostgresServer start() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine")
                .withDatabaseName("postgres")
                .withUsername("postgres")
                .withPassword("postgres");
        container.start();
        return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
    }
}
