package io.spotifyinsight.persistence;

/**
 * A database operation failed in a way callers may want to report: a constraint violation (with a
 * message that says which rule was broken) or an unreachable database.
 */
public class PersistenceException extends RuntimeException {
    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }

    public PersistenceException(String message) {
        super(message);
    }
}
