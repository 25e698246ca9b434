package io.spotifyinsight.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * "One fetch run at a time per database", as a PostgreSQL session-level advisory lock held on a
 * connection of its own for the life of this object. The lock dies with the connection, so a killed
 * process never leaves it behind.
 */
public final class JobLock implements AutoCloseable {
    /** Arbitrary, fixed: the ASCII of "SPIN" (Spotify Insight) as an int. */
    static final long FETCH_RUN_LOCK_KEY = 0x5350494EL;

    private final Connection connection;

    private JobLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the fetch-run lock if nobody holds it; empty when another run holds it. */
    public static Optional<JobLock> tryAcquire(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, FETCH_RUN_LOCK_KEY);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return Optional.of(new JobLock(connection));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DatabaseUnavailableException("Could not take the fetch-run lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, FETCH_RUN_LOCK_KEY);
            statement.execute();
        } catch (SQLException e) {
            // closing the connection below releases a session lock anyway
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }
}
