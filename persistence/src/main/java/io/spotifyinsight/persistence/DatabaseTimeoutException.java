package io.spotifyinsight.persistence;

/**
 * One statement ran past the query timeout and was cancelled (SQL state 57014). The server is
 * there: unlike {@link DatabaseUnavailableException} this concerns one call, which may well succeed
 * when tried again.
 */
public final class DatabaseTimeoutException extends PersistenceException {
    public DatabaseTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
