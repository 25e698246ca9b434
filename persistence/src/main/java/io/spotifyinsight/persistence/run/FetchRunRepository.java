package io.spotifyinsight.persistence.run;

import static io.spotifyinsight.persistence.jooq.Tables.FETCH_RUN;

import io.spotifyinsight.persistence.StoredName;
import io.spotifyinsight.persistence.jooq.tables.records.FetchRunRecord;
import io.spotifyinsight.persistence.recommendation.SourceNames;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The fetch-run history: a row is written when a run starts and completed when it ends. */
public final class FetchRunRepository {
    private final DSLContext dsl;

    public FetchRunRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Records the start of a run; returns its id. {@code strategy} is auto, spotify, search or
     * blend.
     */
    public long start(LocalDate logicalDate, String strategy, int usersTotal) {
        Objects.requireNonNull(logicalDate, "logicalDate");
        return dsl.insertInto(FETCH_RUN)
                .set(FETCH_RUN.LOGICAL_DATE, logicalDate)
                .set(FETCH_RUN.STRATEGY, strategy)
                .set(FETCH_RUN.STATUS, RunStatus.RUNNING.dbValue())
                .set(FETCH_RUN.USERS_TOTAL, usersTotal)
                .returning(FETCH_RUN.ID)
                .fetchOne(FETCH_RUN.ID);
    }

    public void finish(long runId, RunOutcome outcome) {
        if (outcome.status() == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a finished run cannot be RUNNING");
        }
        dsl.update(FETCH_RUN)
                .set(FETCH_RUN.STATUS, outcome.status().dbValue())
                .set(FETCH_RUN.FINISHED_AT, DSL.currentOffsetDateTime())
                .set(FETCH_RUN.USERS_SUCCEEDED, outcome.usersSucceeded())
                .set(FETCH_RUN.USERS_FAILED, outcome.usersFailed())
                .set(FETCH_RUN.TRACKS_STORED, outcome.tracksStored())
                .set(FETCH_RUN.ERROR_SUMMARY, outcome.errorSummary())
                .set(FETCH_RUN.SPOTIFY_REQUESTS, outcome.requests().spotify())
                .set(FETCH_RUN.RECCOBEATS_REQUESTS, outcome.requests().reccobeats())
                .set(FETCH_RUN.LASTFM_REQUESTS, outcome.requests().lastfm())
                .set(FETCH_RUN.MUSICBRAINZ_REQUESTS, outcome.requests().musicbrainz())
                .set(FETCH_RUN.UNAVAILABLE_SOURCES, SourceNames.join(outcome.unavailableSources()))
                .where(FETCH_RUN.ID.eq(runId))
                .execute();
    }

    /** The newest runs first. */
    public List<FetchRun> latest(int limit) {
        return dsl.selectFrom(FETCH_RUN)
                .orderBy(FETCH_RUN.STARTED_AT.desc(), FETCH_RUN.ID.desc())
                .limit(limit)
                .fetch(FetchRunRepository::toRun);
    }

    /**
     * When the newest run that stored every user finished; empty when none has. The job's metrics
     * read it here rather than remember it, so that a failed night keeps reporting the last good
     * one.
     */
    public Optional<OffsetDateTime> lastSucceededAt() {
        return Optional.ofNullable(
                dsl.select(DSL.max(FETCH_RUN.FINISHED_AT))
                        .from(FETCH_RUN)
                        .where(FETCH_RUN.STATUS.eq(RunStatus.SUCCEEDED.dbValue()))
                        .fetchOne(0, OffsetDateTime.class));
    }

    private static FetchRun toRun(FetchRunRecord r) {
        return new FetchRun(
                r.getId(),
                r.getLogicalDate(),
                r.getStrategy(),
                r.getStartedAt(),
                r.getFinishedAt(),
                r.getUsersTotal(),
                new RunOutcome(
                        StoredName.fromDb(RunStatus.class, r.getStatus()),
                        r.getUsersSucceeded(),
                        r.getUsersFailed(),
                        r.getTracksStored(),
                        r.getErrorSummary(),
                        new ServiceRequests(
                                r.getSpotifyRequests(),
                                r.getReccobeatsRequests(),
                                r.getLastfmRequests(),
                                r.getMusicbrainzRequests()),
                        SourceNames.split(r.getUnavailableSources())));
    }
}
