package io.spotifyinsight.persistence.run;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One recorded execution of the fetcher, with its requests per service and the sources it lacked.
 */
public record FetchRun(
        long id,
        LocalDate logicalDate,
        String strategy,
        RunStatus status,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        int usersTotal,
        int usersSucceeded,
        int usersFailed,
        int tracksStored,
        String errorSummary,
        ServiceRequests requests,
        List<String> unavailableSources) {
    public FetchRun {
        unavailableSources = List.copyOf(unavailableSources);
    }

    /** Wall time of a finished run; null while it runs. */
    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
