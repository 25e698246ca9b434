package io.spotifyinsight.fetcher.engine;

import static io.spotifyinsight.persistence.testing.TestTracks.recommended;
import static io.spotifyinsight.persistence.testing.TestTracks.tracks;
import static io.spotifyinsight.persistence.testing.TestTracks.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spotifyinsight.fetcher.ExitCode;
import io.spotifyinsight.persistence.DatabaseTimeoutException;
import io.spotifyinsight.persistence.JobLock;
import io.spotifyinsight.persistence.recommendation.DayLookup;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.run.FetchRun;
import io.spotifyinsight.persistence.run.FetchRunRepository;
import io.spotifyinsight.persistence.run.RunStatus;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.persistence.user.UserRepository;
import io.spotifyinsight.spotify.error.SpotifyServerException;
import io.spotifyinsight.spotify.error.SpotifyTransportException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The run-wide limits of {@link FetchJob}, each with a scripted strategy against a real PostgreSQL:
 * the time limit, "Spotify unreachable", a slow statement, the lost job lock.
 */
class FetchJobLimitsTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase(8);
    static final AtomicInteger names = new AtomicInteger();
    static final LocalDate DAY = LocalDate.of(2025, 8, 1);

    final UserRepository users = new UserRepository(db.dsl());
    final RecommendationRepository lists = new RecommendationRepository(db.dsl());
    final FetchRunRepository runs = new FetchRunRepository(db.dsl());

    private List<UserAlias> newUsers(int count) {
        List<UserAlias> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(users.create(user("limits" + names.incrementAndGet())));
        }
        return created;
    }

    private FetchJob job(Duration maxRunTime) {
        return new FetchJob(
                lists, runs, 1, Duration.ofSeconds(60), 0, maxRunTime, Clock.systemUTC());
    }

    private static DayList fiveTracks(UserAlias user) {
        return new DayList(Strategy.SEARCH, recommended(tracks((int) user.id() * 10, 5)));
    }

    /**
     * A scripted strategy: a user's try for which {@code fails} holds (given the user and the try's
     * number, from 1) throws what {@code failure} makes, any other gets five tracks.
     */
    private static final class FailingTries implements RecommendationStrategy {
        private final BiPredicate<UserAlias, Integer> fails;
        private final Supplier<RuntimeException> failure;
        private final Map<Long, AtomicInteger> tries = new ConcurrentHashMap<>();

        FailingTries(BiPredicate<UserAlias, Integer> fails, Supplier<RuntimeException> failure) {
            this.fails = fails;
            this.failure = failure;
        }

        @Override
        public DayList fetch(UserAlias user, LocalDate date, Set<String> recentTrackIds) {
            int attempt =
                    tries.computeIfAbsent(user.id(), id -> new AtomicInteger()).incrementAndGet();
            if (fails.test(user, attempt)) {
                throw failure.get();
            }
            return fiveTracks(user);
        }

        int tries(UserAlias user) {
            AtomicInteger count = tries.get(user.id());
            return count == null ? 0 : count.get();
        }

        int allTries() {
            return tries.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    private RunResult run(
            FetchJob job, List<UserAlias> who, JobLock lock, RecommendationStrategy strategy) {
        return job.run(
                new FetchJob.Plan(DAY, "search", who, false, lock),
                strategy,
                RunTelemetry.NONE,
                new LogProgress(),
                (u, d, l) -> {});
    }

    private FetchRun row(RunResult result) {
        return runs.latest(20).stream()
                .filter(r -> r.id() == result.runId())
                .findFirst()
                .orElseThrow();
    }

    /** The run stopped after the first of three users: only its list stored, the run partial. */
    private FetchRun onlyTheFirstStored(RunResult result, List<UserAlias> who) {
        assertThat(stored(who.get(0))).isTrue();
        assertThat(stored(who.get(1))).isFalse();
        assertThat(stored(who.get(2))).isFalse();
        FetchRun row = row(result);
        assertThat(row.outcome().status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(row.outcome().usersSucceeded()).isEqualTo(1);
        return row;
    }

    private boolean stored(UserAlias user) {
        return lists.findDay(user.settings().username(), DAY) instanceof DayLookup.Found;
    }

    @Test
    void the_time_limit_stops_a_run_whose_user_hangs_keeping_what_was_stored() {
        List<UserAlias> who = newUsers(3);
        CountDownLatch never = new CountDownLatch(1);
        RecommendationStrategy hangsOnTheSecond =
                (user, date, recent) -> {
                    if (user.equals(who.get(1))) {
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted");
                        }
                    }
                    return fiveTracks(user);
                };

        RunResult result = run(job(Duration.ofSeconds(3)), who, null, hangsOnTheSecond);

        assertThat(result.stop().cause()).isEqualTo(RunStop.Cause.TIME_LIMIT);
        assertThat(result.usersSucceeded()).isEqualTo(1);
        assertThat(result.exitCode()).isEqualTo(ExitCode.SOME_FAILED);
        FetchRun row = onlyTheFirstStored(result, who);
        assertThat(row.outcome().tracksStored()).isEqualTo(5);
        assertThat(row.outcome().errorSummary())
                .contains("time limit of 3 s (FETCHER_MAX_RUN_MINUTES)", "2 users not fetched");
    }

    @Test
    void three_users_in_a_row_failing_on_timeouts_or_5xx_mean_spotify_is_unreachable_exit_3() {
        List<UserAlias> who = newUsers(6);
        FailingTries blackholed =
                new FailingTries(
                        (user, attempt) -> true,
                        () ->
                                new SpotifyTransportException(
                                        "GET /v1/search timed out after 2 attempts",
                                        new SocketTimeoutException("timeout")));

        RunResult result = run(job(Duration.ofMinutes(5)), who, null, blackholed);

        assertThat(result.stop().cause()).isEqualTo(RunStop.Cause.SPOTIFY_UNREACHABLE);
        assertThat(result.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(blackholed.allTries())
                .as("users tried before giving up; none again at the end")
                .isEqualTo(3);
        FetchRun row = row(result);
        assertThat(row.outcome().status()).isEqualTo(RunStatus.FAILED);
        assertThat(row.outcome().errorSummary())
                .contains("Spotify is unreachable: 3 users in a row", "3 users not fetched");
    }

    /**
     * Failures of a user's first try that are not enough to stop the run, by the users' index:
     * users 0, 1, 3, 4 answered a 5xx while 2 and 5 succeed (never three in a row); user 0's
     * statement was slow.
     */
    static Stream<Arguments> failedFirstTries() {
        IntPredicate notThreeInARow = i -> i % 3 != 2;
        Supplier<RuntimeException> badGateway =
                () -> new SpotifyServerException("GET /v1/search answered 502", 502, null);
        IntPredicate first = i -> i == 0;
        Supplier<RuntimeException> slowStatement =
                () ->
                        new DatabaseTimeoutException(
                                "The database did not finish a statement within the query timeout",
                                null);
        return Stream.of(
                Arguments.of("a success between Spotify failures", 6, notThreeInARow, badGateway),
                Arguments.of("a slow statement", 3, first, slowStatement));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failedFirstTries")
    void a_failed_first_try_fails_only_that_user_and_it_is_tried_again_at_the_end(
            String what, int users, IntPredicate failsFirst, Supplier<RuntimeException> failure) {
        List<UserAlias> who = newUsers(users);
        FailingTries strategy =
                new FailingTries(
                        (user, attempt) -> attempt == 1 && failsFirst.test(who.indexOf(user)),
                        failure);

        RunResult result = run(job(Duration.ofMinutes(5)), who, null, strategy);

        assertThat(result.stop()).isNull();
        assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(result.usersSucceeded()).isEqualTo(users);
        assertThat(who).allMatch(this::stored);
        for (int i = 0; i < users; i++) {
            assertThat(strategy.tries(who.get(i)))
                    .as("tries of user %d", i)
                    .isEqualTo(failsFirst.test(i) ? 2 : 1);
        }
    }

    @Test
    void a_lost_lock_stops_storing_and_says_so() {
        List<UserAlias> who = newUsers(3);
        try (JobLock lock = JobLock.tryAcquire(db.dataSource()).orElseThrow()) {
            RecommendationStrategy killsTheLockOnTheSecond =
                    (user, date, recent) -> {
                        if (user.equals(who.get(1))) {
                            db.dsl()
                                    .fetchValue(
                                            "SELECT pg_terminate_backend(?)", lock.backendPid());
                            // the backend ends a moment after the call returns
                            await().atMost(Duration.ofSeconds(10))
                                    .until(() -> backendsWithPid(lock.backendPid()) == 0);
                        }
                        return fiveTracks(user);
                    };

            RunResult result = run(job(Duration.ofMinutes(5)), who, lock, killsTheLockOnTheSecond);

            assertThat(result.stop().cause()).isEqualTo(RunStop.Cause.LOCK_LOST);
            FetchRun row = onlyTheFirstStored(result, who);
            assertThat(row.outcome().errorSummary())
                    .contains("lock was lost", "nothing more is stored");
        }
    }

    private int backendsWithPid(int pid) {
        String sql = "SELECT count(*) FROM pg_stat_activity WHERE pid = ?";
        return ((Number) db.dsl().fetchValue(sql, pid)).intValue();
    }
}
