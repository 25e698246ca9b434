package io.spotifyinsight.persistence.run;

import io.spotifyinsight.persistence.recommendation.SourceNames;
import java.util.List;
import java.util.Objects;

/**
 * How a run ended: its status, counts, a short summary of the errors (null when none), the requests
 * it sent per service and the third-party sources that were unavailable during it. The history
 * ({@link FetchRun#outcome}) reads a run that has not ended as {@link RunStatus#RUNNING} with
 * nothing counted; {@link FetchRunRepository#finish} takes only a finished one.
 */
public record RunOutcome(
        RunStatus status,
        int usersSucceeded,
        int usersFailed,
        int tracksStored,
        String errorSummary,
        ServiceRequests requests,
        List<String> unavailableSources) {
    /** Longer summaries are cut: the full story is in the log. */
    public static final int MAX_SUMMARY_LENGTH = 4000;

    public RunOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requests, "requests");
        unavailableSources =
                SourceNames.normalise(
                        Objects.requireNonNull(unavailableSources, "unavailableSources"));
        if (usersSucceeded < 0 || usersFailed < 0 || tracksStored < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (errorSummary != null && errorSummary.length() > MAX_SUMMARY_LENGTH) {
            errorSummary = errorSummary.substring(0, MAX_SUMMARY_LENGTH - 3) + "...";
        }
    }

    /** An outcome without request counts or unavailable sources (a run closed by another). */
    public RunOutcome(
            RunStatus status,
            int usersSucceeded,
            int usersFailed,
            int tracksStored,
            String errorSummary) {
        this(
                status,
                usersSucceeded,
                usersFailed,
                tracksStored,
                errorSummary,
                ServiceRequests.NONE,
                List.of());
    }
}
