package io.spotifyinsight.persistence;

/**
 * The database could not be reached (no connection within the pool timeout, or the server went
 * away).
 */
public final class DatabaseUnavailableException extends PersistenceException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
