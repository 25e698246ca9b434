package io.spotifyinsight.persistence.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.persistence.ConstraintViolationException;
import io.spotifyinsight.persistence.testing.TestDatabase;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FetchRunRepositoryTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase();

    private final FetchRunRepository runs = new FetchRunRepository(db.dsl());

    @Test
    void startThenFinish_recordsCountsStatusAndDuration_newestFirst() {
        long older = runs.start(LocalDate.of(2026, 11, 1), "auto", 3);
        runs.finish(
                older, new RunOutcome(RunStatus.PARTIAL, 2, 1, 40, "carol: Spotify answered 500"));
        long newer = runs.start(LocalDate.of(2026, 11, 2), "search", 1);

        var latest = runs.latest(10);

        assertThat(latest).extracting(FetchRun::id).containsSubsequence(newer, older);
        FetchRun finished = latest.stream().filter(r -> r.id() == older).findFirst().orElseThrow();
        assertThat(finished.outcome())
                .isEqualTo(
                        new RunOutcome(RunStatus.PARTIAL, 2, 1, 40, "carol: Spotify answered 500"));
        assertThat(finished.duration().isNegative()).isFalse();
        assertThat(latest.get(0).outcome().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(latest.get(0).duration()).isNull();
    }

    @Test
    void finish_recordsRequestsPerService_andTheSourcesThatWereUnavailable() {
        long id = runs.start(LocalDate.of(2026, 11, 3), "blend", 2);
        runs.finish(
                id,
                new RunOutcome(
                        RunStatus.SUCCEEDED,
                        2,
                        0,
                        40,
                        null,
                        new ServiceRequests(7, 12, 0, 4),
                        java.util.List.of("lastfm")));

        FetchRun run = recorded(id);
        assertThat(run.strategy()).isEqualTo("blend");
        assertThat(run.outcome().requests()).isEqualTo(new ServiceRequests(7, 12, 0, 4));
        assertThat(run.outcome().unavailableSources()).containsExactly("lastfm");
    }

    @Test
    void lastSucceededAt_isTheNewestSucceededRunsFinish_notThatOfALaterFailedOne() {
        // the class's database is shared by its tests: compare with what this test adds
        var before = runs.lastSucceededAt();
        long good = runs.start(LocalDate.of(2026, 11, 4), "auto", 1);
        runs.finish(good, new RunOutcome(RunStatus.SUCCEEDED, 1, 0, 20, null));
        var afterGood = runs.lastSucceededAt();
        long bad = runs.start(LocalDate.of(2026, 11, 5), "auto", 1);
        runs.finish(bad, new RunOutcome(RunStatus.FAILED, 0, 1, 0, "dave: Spotify answered 500"));
        long partial = runs.start(LocalDate.of(2026, 11, 6), "auto", 2);
        runs.finish(partial, new RunOutcome(RunStatus.PARTIAL, 1, 1, 20, "erin: no tracks"));

        FetchRun goodRun = recorded(good);
        assertThat(afterGood).contains(goodRun.finishedAt());
        assertThat(before.isEmpty() || !before.get().isAfter(goodRun.finishedAt())).isTrue();
        assertThat(runs.lastSucceededAt()).isEqualTo(afterGood);
    }

    @Test
    void finish_withoutAnEnd_isRefused() {
        long id = runs.start(LocalDate.of(2026, 11, 8), "auto", 1);
        assertThatThrownBy(() -> runs.finish(id, new RunOutcome(RunStatus.RUNNING, 0, 0, 0, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a finished run cannot be RUNNING");
        assertThat(recorded(id).finishedAt()).isNull();
    }

    @Test
    void outcome_cutsOverlongSummaries() {
        var outcome = new RunOutcome(RunStatus.FAILED, 0, 1, 0, "x".repeat(10_000));
        assertThat(outcome.errorSummary()).hasSize(RunOutcome.MAX_SUMMARY_LENGTH).endsWith("...");
    }

    @Test
    void start_withAStrategyTheSchemaDoesNotKnow_isRejectedNamingEveryAllowedStrategy() {
        assertThatThrownBy(() -> runs.start(LocalDate.of(2026, 11, 7), "random", 1))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessage(
                        "Rejected by the database: a run's strategy is auto, spotify, search or"
                                + " blend (fetch_run_strategy_ck)");
    }

    /** Run {@code id} as the history reads it, among the newest. */
    private FetchRun recorded(long id) {
        return runs.latest(10).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }
}
