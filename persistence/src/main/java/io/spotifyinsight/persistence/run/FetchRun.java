package io.spotifyinsight.persistence.run;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One recorded execution of the fetcher: what it was started with, and its outcome as recorded (for
 * a run still going, status {@link RunStatus#RUNNING} and nothing counted yet).
 */
public record FetchRun(
        long id,
        LocalDate logicalDate,
        String strategy,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        int usersTotal,
        RunOutcome outcome) {

    /** Wall time of a finished run; null while it runs. */
    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }
}
