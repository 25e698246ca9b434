package io.spotifyinsight.persistence;

/** A database setting in the environment is missing or malformed; the message names every bad variable. */
public final class DatabaseConfigException extends IllegalArgumentException {
    public DatabaseConfigException(String message) {
        super(message);
    }
}
