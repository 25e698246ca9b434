package io.spotifyinsight.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Applies the Flyway migrations in {@code db/migration}, the only source of the schema.
 *
 * <p>Both executables call {@link #migrate} at start-up. Flyway serialises concurrent migrations
 * with a PostgreSQL advisory lock, so two processes starting at once are safe: the second waits,
 * then finds nothing left to do. The lock is session-level (not transactional) so that a future
 * {@code CREATE INDEX CONCURRENTLY} migration cannot hang on it.
 */
public final class Migrations {
    private Migrations() {}

    /** Applies pending migrations; returns the schema version afterwards. */
    public static String migrate(DataSource dataSource) {
        MigrateResult result = flyway(dataSource).migrate();
        return result.targetSchemaVersion != null
                ? result.targetSchemaVersion
                : currentVersion(dataSource);
    }

    /** The applied schema version, or "none" on an empty database. */
    public static String currentVersion(DataSource dataSource) {
        MigrationInfo current = flyway(dataSource).info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    /** The newest version this build knows. */
    public static String latestAvailableVersion(DataSource dataSource) {
        MigrationInfo[] all = flyway(dataSource).info().all();
        return all.length == 0 ? "none" : all[all.length - 1].getVersion().getVersion();
    }

    private static Flyway flyway(DataSource dataSource) {
        var configuration =
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .connectRetries(3)
                        .failOnMissingLocations(true);
        configuration
                .getPluginRegister()
                .getPlugin(PostgreSQLConfigurationExtension.class)
                .setTransactionalLock(false);
        return configuration.load();
    }
}
