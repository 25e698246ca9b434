package io.spotifyinsight.persistence.run;

import java.util.Objects;

/** How a run ended: its status, counts and a short summary of the errors (null when none). */
public record RunOutcome(RunStatus status, int usersSucceeded, int usersFailed, int tracksStored, String errorSummary) {
    /** Longer summaries are cut: the full story is in the log. */
    public static final int MAX_SUMMARY_LENGTH = 4000;

    public RunOutcome {
        Objects.requireNonNull(status, "status");
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a finished run cannot be RUNNING");
        }
        if (usersSucceeded < 0 || usersFailed < 0 || tracksStored < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (errorSummary != null && errorSummary.length() > MAX_SUMMARY_LENGTH) {
            errorSummary = errorSummary.substring(0, MAX_SUMMARY_LENGTH - 3) + "...";
        }
    }
}
