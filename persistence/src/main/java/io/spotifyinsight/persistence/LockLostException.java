package io.spotifyinsight.persistence;

/**
 * The fetch-run lock is no longer held: its connection was closed or its server session ended
 * (network failure, {@code pg_terminate_backend}, a restart). Another run may already hold it, so
 * nothing more may be stored.
 */
public final class LockLostException extends PersistenceException {
    public LockLostException(String message) {
        super(message);
    }
}
