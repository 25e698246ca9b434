package io.spotifyinsight.persistence;

/**
 * The database refused a write because it breaks one of the schema's rules; {@link #constraint()}
 * names it.
 */
public final class ConstraintViolationException extends PersistenceException {
    private final String constraint;

    public ConstraintViolationException(String constraint, String message, Throwable cause) {
        super(message, cause);
        this.constraint = constraint;
    }

    /** The constraint's name in the schema, or null when PostgreSQL did not say. */
    public String constraint() {
        return constraint;
    }
}
