package io.spotifyinsight.fetcher.cli;

import io.spotifyinsight.config.ConfigException;
import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.persistence.DatabaseUnavailableException;
import io.spotifyinsight.persistence.PersistenceException;
import io.spotifyinsight.persistence.user.UserNotFoundException;
import io.spotifyinsight.spotify.error.SpotifyCredentialsException;
import io.spotifyinsight.spotify.error.SpotifyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What a command throws, as an exit code and a one-line "error: ..." on stderr: usage and
 * configuration problems 2, an unreachable database or rejected credentials 3, anything else 1
 * (with a stack trace in the log when it is not one of ours).
 */
public final class ErrorHandler implements IExecutionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        int code = exitCode(e);
        if (code == ExitCode.SOME_FAILED
                && !(e instanceof PersistenceException)
                && !(e instanceof SpotifyException)) {
            log.error("unexpected error", e);
        }
        String message = e.getMessage();
        command.getErr()
                .println(
                        "error: "
                                + (message == null || message.isBlank() ? e.toString() : message));
        command.getErr().flush();
        return code;
    }

    static int exitCode(Exception e) {
        if (e instanceof UsageException
                || e instanceof ConfigException
                || e instanceof UserNotFoundException) {
            return ExitCode.USAGE;
        }
        if (e instanceof DatabaseUnavailableException || e instanceof SpotifyCredentialsException) {
            return ExitCode.UNAVAILABLE;
        }
        return ExitCode.SOME_FAILED;
    }
}
