package io.spotifyinsight.fetcher.engine;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.run.RunStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * How a run ended.
 *
 * @param runId the fetch_run row; null for a dry run
 * @param stop why the run stopped before trying every user; null when it did not stop early
 */
public record RunResult(
        Long runId,
        LocalDate date,
        int usersTotal,
        int usersSucceeded,
        int usersFailed,
        int tracksStored,
        List<UserOutcome> failures,
        RunStop stop,
        Set<Strategy> strategiesUsed,
        Duration elapsed) {
    public RunResult {
        failures = List.copyOf(failures);
        strategiesUsed = Set.copyOf(strategiesUsed);
    }

    public RunStatus status() {
        if (usersFailed == 0) {
            return RunStatus.SUCCEEDED;
        }
        return usersSucceeded > 0 ? RunStatus.PARTIAL : RunStatus.FAILED;
    }

    /** The stop's message, or null when the run did not stop early. */
    public String stopReason() {
        return stop == null ? null : stop.message();
    }

    /**
     * 0 when every user was stored; 3 when Spotify became unreachable or the credentials or
     * database were lost (whatever was stored before), or when the run stopped early for another
     * run-wide reason before storing anyone (nothing could run); 1 otherwise.
     */
    public int exitCode() {
        if (usersFailed == 0) {
            return ExitCode.OK;
        }
        if (stop != null && (stop.serviceUnavailable() || usersSucceeded == 0)) {
            return ExitCode.UNAVAILABLE;
        }
        return ExitCode.SOME_FAILED;
    }

    /** "alice: reason; bob: reason", led by the stop reason; the fetch_run row's error_summary. */
    public String errorSummary() {
        if (usersFailed == 0) {
            return null;
        }
        StringBuilder summary = new StringBuilder();
        long notTried = failures.stream().filter(UserOutcome::notFetched).count();
        if (stop != null) {
            summary.append("stopped early: ").append(stop.message());
            if (notTried > 0) {
                summary.append(" (")
                        .append(notTried)
                        .append(notTried == 1 ? " user" : " users")
                        .append(" not fetched)");
            }
        }
        for (UserOutcome failure : failures) {
            if (failure.notFetched()) {
                continue;
            }
            if (summary.length() > 0) {
                summary.append("; ");
            }
            summary.append(failure.username()).append(": ").append(failure.error());
        }
        return summary.toString();
    }
}
