package io.spotifyinsight.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * "One fetch run at a time per database", as a PostgreSQL session-level advisory lock held on a
 * connection of its own for the life of this object. The lock dies with the connection, so a killed
 * process never leaves it behind.
 */
public final class JobLock implements AutoCloseable {
    /** Arbitrary, fixed: the ASCII of "SPIN" (Spotify Insight) as an int. */
    static final long FETCH_RUN_LOCK_KEY = 0x5350494EL;

    private final Connection connection;

    /**
     * The server process holding the lock: a writer checks, in its own transaction, that it still
     * does.
     */
    private final int backendPid;

    private JobLock(Connection connection, int backendPid) {
        this.connection = connection;
        this.backendPid = backendPid;
    }

    /** Takes the fetch-run lock if nobody holds it; empty when another run holds it. */
    public static Optional<JobLock> tryAcquire(DataSource dataSource) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement =
                    connection.prepareStatement(
                            "SELECT pg_try_advisory_lock(?), pg_backend_pid()")) {
                statement.setLong(1, FETCH_RUN_LOCK_KEY);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        return Optional.of(new JobLock(connection, result.getInt(2)));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DatabaseUnavailableException(
                    "Could not take the fetch-run lock: " + e.getMessage(), e);
        }
    }

    /**
     * Throws {@link LockLostException} unless this lock's server session still holds the lock,
     * asked on the caller's connection: inside a writer's transaction, so the write and the check
     * are one decision (a lock lost after the check is lost after the write too). A session-level
     * lock dies with its session, and a new run's lock would belong to another process id.
     */
    public void verifyHeld(DSLContext transaction) {
        // a bigint key shows as its high half in classid and its low half in objid, with objsubid 1
        boolean held =
                transaction.fetchExists(
                        DSL.selectOne()
                                .from("pg_locks")
                                .where(
                                        "locktype = 'advisory' AND granted AND pid = ? AND"
                                                + " classid::bigint = ? AND objid::bigint = ? AND"
                                                + " objsubid = 1",
                                        backendPid,
                                        FETCH_RUN_LOCK_KEY >>> 32,
                                        FETCH_RUN_LOCK_KEY & 0xFFFFFFFFL));
        if (!held) {
            throw new LockLostException(
                    "the fetch-run lock was lost (its database session "
                            + backendPid
                            + " ended); another run may hold it now, so nothing more is stored");
        }
    }

    /** The server process id of the lock's session (for operators and fault tests). */
    public int backendPid() {
        return backendPid;
    }

    @Override
    public void close() {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
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
