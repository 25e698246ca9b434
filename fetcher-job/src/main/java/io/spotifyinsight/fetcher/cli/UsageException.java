package io.spotifyinsight.fetcher.cli;

/**
 * The command line asked for something impossible (unknown user, bad seed, ...): exit 2 with this
 * message.
 */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
