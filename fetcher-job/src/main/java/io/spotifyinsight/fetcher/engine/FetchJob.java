package io.spotifyinsight.fetcher.engine;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.spotifyinsight.persistence.DatabaseTimeoutException;
import io.spotifyinsight.persistence.DatabaseUnavailableException;
import io.spotifyinsight.persistence.JobLock;
import io.spotifyinsight.persistence.LockLostException;
import io.spotifyinsight.persistence.PersistenceException;
import io.spotifyinsight.persistence.recommendation.DayToStore;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.run.FetchRun;
import io.spotifyinsight.persistence.run.FetchRunRepository;
import io.spotifyinsight.persistence.run.RunOutcome;
import io.spotifyinsight.persistence.run.RunStatus;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.spotify.error.SpotifyCredentialsException;
import io.spotifyinsight.spotify.error.SpotifyException;
import io.spotifyinsight.spotify.error.SpotifyFeatureUnavailableException;
import io.spotifyinsight.spotify.error.SpotifyRateLimitedException;
import io.spotifyinsight.spotify.error.SpotifyServerException;
import io.spotifyinsight.spotify.error.SpotifyTransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One fetch run: every given user, {@code concurrency} at a time, each fetched by the strategy and
 * stored atomically (a re-run replaces the day). One user's failure never stops the others; only
 * run-wide problems stop the run early ({@link RunStop}), failing the users not yet tried at once
 * instead of failing each of them slowly: Spotify rejecting the credentials or unreachable (several
 * users in a row failing on timeouts or 5xx), the app having no access to the chosen strategy's
 * endpoint, a Retry-After at least as long as the retry budget, the database or the job lock going
 * away, the run's time limit.
 *
 * <p>Storing goes through a gate: a day is stored only while the gate is open, and the run's row is
 * written after closing it, so the counts in the row are exactly what was stored even when a time
 * limit or a signal ends the run while other threads are still busy.
 *
 * <p>The first user is fetched alone before the others start, so a run-wide problem (or the {@code
 * auto} strategy's switch to search) is found with one user's requests, not {@code concurrency}
 * users'. The caller holds the job lock; this class writes the fetch_run row.
 */
public final class FetchJob {
    private static final Logger log = LoggerFactory.getLogger(FetchJob.class);

    /** MDC keys: the fetch_run row's id while a run runs, and the alias a worker is fetching. */
    public static final String MDC_RUN_ID = "run_id";

    public static final String MDC_ALIAS = "alias";
    static final String ABANDONED =
            "interrupted: the process ended without recording an outcome (killed?); "
                    + "users it stored keep their lists";

    /** Abandoned rows are closed by the next run, so they are always among the latest few. */
    private static final int ABANDONED_RUNS_SCAN = 100;

    /**
     * Users in a row failing on Spotify timeouts, refused connections or 5xx (each after the
     * client's own retries), or on a lost database connection, before the run concludes that
     * Spotify or the database is unreachable. Fewer are one user's bad luck (a connection killed,
     * one slow answer): those users are tried again at the end of the run.
     */
    static final int FAILURES_IN_A_ROW_BEFORE_UNREACHABLE = 3;

    /**
     * How long a signal waits for stores in flight before recording the run (a store is one
     * statement batch).
     */
    private static final Duration STORES_IN_FLIGHT_WAIT = Duration.ofSeconds(15);

    /**
     * How long a signal waits for the run's outcome to be told ({@code onSignal}: the webhook, the
     * metrics) after the row is written. The JVM exits when the hook returns, and a process manager
     * sends SIGKILL soon after SIGTERM (Docker: 10 s), so a slow receiver is abandoned, not waited
     * for.
     */
    static final Duration SIGNAL_REPORT_WAIT = Duration.ofSeconds(5);

    /**
     * The run row is the operator's record: a database that blinks (a restart) as the run ends
     * should not leave it "running". Past this, the next run closes it as abandoned.
     */
    private static final RetryPolicy<Object> ROW_RETRY =
            RetryPolicy.builder()
                    .handle(DatabaseUnavailableException.class)
                    .withDelay(Duration.ofSeconds(1))
                    .withMaxRetries(-1)
                    .withMaxDuration(Duration.ofSeconds(30))
                    .build();

    private final RecommendationRepository recommendations;
    private final FetchRunRepository runs;
    private final int concurrency;
    private final Duration longestAcceptableWait;
    private final int noRepeatDays;
    private final Duration maxRunTime;
    private final Clock clock;

    /**
     * @param longestAcceptableWait a Retry-After at least this long stops the run (the Spotify
     *     retry budget: the client has already given up on such a wait)
     * @param noRepeatDays tracks recommended to a user within this many days before the date are
     *     avoided while other candidates exist
     * @param maxRunTime the run stops when it has lasted this long (FETCHER_MAX_RUN_MINUTES); what
     *     it stored is kept
     */
    public FetchJob(
            RecommendationRepository recommendations,
            FetchRunRepository runs,
            int concurrency,
            Duration longestAcceptableWait,
            int noRepeatDays,
            Duration maxRunTime,
            Clock clock) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.recommendations = recommendations;
        this.runs = runs;
        this.concurrency = concurrency;
        this.longestAcceptableWait = longestAcceptableWait;
        this.noRepeatDays = noRepeatDays;
        this.maxRunTime = maxRunTime;
        this.clock = clock;
    }

    /**
     * What to run: the users (already resolved), the date, how, whether to store, and the job lock
     * the caller holds (every store checks it is still held; null for a dry run or a test without
     * one).
     */
    public record Plan(
            LocalDate date,
            String strategyLabel,
            List<UserAlias> users,
            boolean dryRun,
            JobLock lock) {
        public Plan {
            users = List.copyOf(users);
        }

        public Plan(LocalDate date, String strategyLabel, List<UserAlias> users, boolean dryRun) {
            this(date, strategyLabel, users, dryRun, null);
        }
    }

    /** Receives each list of a dry run, instead of the database. */
    public interface DryRunSink {
        void print(UserAlias user, LocalDate date, DayList list);
    }

    public RunResult run(
            Plan plan,
            RecommendationStrategy strategy,
            RunTelemetry telemetry,
            Progress progress,
            DryRunSink dryRunSink) {
        return run(plan, strategy, telemetry, progress, dryRunSink, partial -> {});
    }

    /**
     * @param onSignal receives what a run stopped by a signal (SIGTERM, Ctrl-C) had done, with the
     *     counts its row was given, from the shutdown hook, after the row is written; it gets at
     *     most {@link #SIGNAL_REPORT_WAIT}. Not called when the run ends otherwise.
     */
    public RunResult run(
            Plan plan,
            RecommendationStrategy strategy,
            RunTelemetry telemetry,
            Progress progress,
            DryRunSink dryRunSink,
            Consumer<RunResult> onSignal) {
        long startNanos = System.nanoTime();
        if (!plan.dryRun()) {
            closeAbandonedRuns();
        }
        Long runId =
                plan.dryRun()
                        ? null
                        : runs.start(plan.date(), plan.strategyLabel(), plan.users().size());
        var state =
                new RunState(
                        runId,
                        plan,
                        strategy,
                        telemetry,
                        progress,
                        dryRunSink,
                        startNanos,
                        startNanos + maxRunTime.toNanos(),
                        onSignal);
        if (runId != null) {
            MDC.put(MDC_RUN_ID, runId.toString());
        }
        Thread onShutdown = new Thread(state::markInterrupted, "fetch-run-shutdown");
        if (runId != null) {
            Runtime.getRuntime().addShutdownHook(onShutdown);
        }
        try {
            progress.started(plan.users().size());
            List<UserOutcome> outcomes = state.processAll();
            progress.finished();
            state.closeStoring(null);
            RunResult result =
                    summarise(
                            runId,
                            plan,
                            outcomes,
                            state.stop.get(),
                            Duration.ofNanos(System.nanoTime() - startNanos));
            if (runId != null && state.finish(result)) {
                log.debug("run {} recorded as {}", runId, result.status());
            }
            return result;
        } finally {
            MDC.remove(MDC_RUN_ID);
            if (runId != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onShutdown);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down; the hook records the run
                }
            }
        }
    }

    /**
     * Rows still "running" although this process holds the lock belong to runs that were killed
     * (SIGKILL, OOM, power loss) before they could record an outcome; without this they would show
     * as running forever. Their stored days are complete (a day is one transaction) and stay.
     */
    private void closeAbandonedRuns() {
        for (FetchRun abandoned :
                runs.latest(ABANDONED_RUNS_SCAN).stream()
                        .filter(run -> run.outcome().status() == RunStatus.RUNNING)
                        .toList()) {
            log.warn(
                    "run {} for {} ended without recording an outcome (the process was killed); "
                            + "marking it failed",
                    abandoned.id(),
                    abandoned.logicalDate());
            runs.finish(abandoned.id(), new RunOutcome(RunStatus.FAILED, 0, 0, 0, ABANDONED));
        }
    }

    private static RunResult summarise(
            Long runId, Plan plan, List<UserOutcome> outcomes, RunStop stop, Duration elapsed) {
        int succeeded = 0;
        int tracks = 0;
        List<UserOutcome> failures = new ArrayList<>();
        Set<Strategy> used = EnumSet.noneOf(Strategy.class);
        for (UserOutcome outcome : outcomes) {
            if (outcome.stored()) {
                succeeded++;
                tracks += outcome.tracks();
                used.add(outcome.strategy());
            } else {
                failures.add(outcome);
            }
        }
        return new RunResult(
                runId,
                plan.date(),
                outcomes.size(),
                succeeded,
                failures.size(),
                tracks,
                failures,
                stop,
                used,
                elapsed);
    }

    /** Everything one run shares between its threads. */
    private final class RunState {
        private final Long runId;
        private final Plan plan;
        private final RecommendationStrategy strategy;
        private final RunTelemetry telemetry;
        private final Progress progress;
        private final DryRunSink dryRunSink;
        private final long startNanos;
        private final long deadlineNanos;
        private final Consumer<RunResult> onSignal;
        private final AtomicReference<RunStop> stop = new AtomicReference<>();

        /** Counted inside the store gate, so a closed gate means final figures. */
        private final AtomicInteger succeeded = new AtomicInteger();

        private final AtomicInteger tracksStored = new AtomicInteger();
        private final AtomicInteger spotifyFailuresInARow = new AtomicInteger();
        private final AtomicInteger databaseFailuresInARow = new AtomicInteger();
        private final AtomicBoolean recorded = new AtomicBoolean();

        /**
         * Stores hold the read side; closing takes the write side, so it waits for stores in
         * flight.
         */
        private final ReentrantReadWriteLock storeGate = new ReentrantReadWriteLock();

        private boolean storingClosed;

        RunState(
                Long runId,
                Plan plan,
                RecommendationStrategy strategy,
                RunTelemetry telemetry,
                Progress progress,
                DryRunSink dryRunSink,
                long startNanos,
                long deadlineNanos,
                Consumer<RunResult> onSignal) {
            this.runId = runId;
            this.plan = plan;
            this.strategy = strategy;
            this.telemetry = telemetry;
            this.progress = progress;
            this.dryRunSink = dryRunSink;
            this.startNanos = startNanos;
            this.deadlineNanos = deadlineNanos;
            this.onSignal = onSignal;
        }

        List<UserOutcome> processAll() {
            List<UserAlias> users = plan.users();
            if (users.isEmpty()) {
                return new ArrayList<>();
            }
            AtomicInteger threadNumber = new AtomicInteger();
            ExecutorService pool =
                    Executors.newFixedThreadPool(
                            concurrency,
                            r -> {
                                Thread thread =
                                        new Thread(r, "fetch-" + threadNumber.incrementAndGet());
                                thread.setDaemon(true);
                                return thread;
                            });
            try {
                List<UserOutcome> outcomes = new ArrayList<>(users.size());
                outcomes.addAll(processInPool(pool, users.subList(0, 1), null));
                outcomes.addAll(processInPool(pool, users.subList(1, users.size()), null));
                // One more try, at the end, for users that failed on something passing (a 5xx, a
                // 429 storm).
                List<Integer> again = new ArrayList<>();
                for (int i = 0; i < outcomes.size(); i++) {
                    if (outcomes.get(i).transientFailure()) {
                        again.add(i);
                    }
                }
                if (!again.isEmpty()) {
                    log.info(
                            "trying {} user(s) again that failed on a transient error",
                            again.size());
                    List<UserOutcome> retried =
                            processInPool(
                                    pool,
                                    again.stream().map(users::get).toList(),
                                    again.stream().map(outcomes::get).toList());
                    for (int i = 0; i < again.size(); i++) {
                        outcomes.set(again.get(i), retried.get(i));
                    }
                }
                return outcomes;
            } finally {
                pool.shutdownNow();
            }
        }

        /**
         * @param firstTries for the last try, each user's transient failure; null for the first try
         */
        private List<UserOutcome> processInPool(
                ExecutorService pool, List<UserAlias> users, List<UserOutcome> firstTries) {
            List<Future<UserOutcome>> futures = new ArrayList<>(users.size());
            for (int i = 0; i < users.size(); i++) {
                UserAlias user = users.get(i);
                UserOutcome firstTry = firstTries == null ? null : firstTries.get(i);
                futures.add(pool.submit(() -> inLogContext(user, () -> process(user, firstTry))));
            }
            List<UserOutcome> outcomes = new ArrayList<>(users.size());
            for (int i = 0; i < futures.size(); i++) {
                outcomes.add(await(futures.get(i), users.get(i)));
            }
            return outcomes;
        }

        /**
         * Runs {@code work} with the run id and the user's alias in the MDC, for the JSON log
         * lines.
         */
        private UserOutcome inLogContext(
                UserAlias user, java.util.function.Supplier<UserOutcome> work) {
            boolean setRunId = runId != null && MDC.get(MDC_RUN_ID) == null;
            if (setRunId) {
                MDC.put(MDC_RUN_ID, runId.toString());
            }
            MDC.put(MDC_ALIAS, user.settings().username());
            try {
                return work.get();
            } finally {
                MDC.remove(MDC_ALIAS);
                if (setRunId) {
                    MDC.remove(MDC_RUN_ID);
                }
            }
        }

        /**
         * The user's outcome, or "not fetched" when the run's time is up first (its thread is
         * interrupted).
         */
        private UserOutcome await(Future<UserOutcome> future, UserAlias user) {
            try {
                return future.get(
                        Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                stop(
                        RunStop.Cause.TIME_LIMIT,
                        "the run reached its time limit of "
                                + (maxRunTime.toMinutes() > 0
                                        ? maxRunTime.toMinutes() + " min"
                                        : maxRunTime.toSeconds() + " s")
                                + " (FETCHER_MAX_RUN_MINUTES); what was stored is kept");
                // a store in flight finishes first and is reported as stored; none starts
                // after this
                closeStoring(null);
                if (future.isDone()) {
                    return outcomeOfDone(future, user);
                }
                future.cancel(true);
                return UserOutcome.notFetched(user.settings().username(), stop.get().message());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(RunStop.Cause.INTERRUPTED, "the run was interrupted");
                future.cancel(true);
                return UserOutcome.notFetched(
                        user.settings().username(), "the run was interrupted");
            } catch (ExecutionException e) {
                // process() catches everything; an Error lands here
                return UserOutcome.failed(
                        user.settings().username(), "unexpected error: " + e.getCause());
            }
        }

        private UserOutcome outcomeOfDone(Future<UserOutcome> future, UserAlias user) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return UserOutcome.notFetched(
                        user.settings().username(), "the run was interrupted");
            } catch (ExecutionException e) {
                return UserOutcome.failed(
                        user.settings().username(), "unexpected error: " + e.getCause());
            }
        }

        /**
         * Fetches and stores one user and reports it; never throws. A transient failure on the
         * first try is only logged: the user is tried again at the end of the run. When the run
         * stopped before that last try, the user's own first failure is what is reported.
         *
         * @param firstTry the user's transient failure when this is the last try; null on the first
         */
        private UserOutcome process(UserAlias user, UserOutcome firstTry) {
            UserOutcome outcome = attempt(user);
            if (outcome.notFetched() && firstTry != null) {
                outcome = firstTry;
            }
            if (outcome.stored()) {
                progress.userStored(
                        user.settings().username(), outcome.tracks(), outcome.strategy());
            } else if (outcome.transientFailure() && firstTry == null) {
                log.info(
                        "{}: {}; will try again at the end of the run",
                        user.settings().username(),
                        outcome.error());
            } else {
                if (outcome.notFetched()) {
                    progress.userSkipped(user.settings().username());
                } else {
                    progress.userFailed(user.settings().username(), outcome.error());
                }
            }
            return outcome;
        }

        private UserOutcome attempt(UserAlias user) {
            RunStop stopped = stop.get();
            if (stopped != null) {
                return UserOutcome.notFetched(user.settings().username(), stopped.message());
            }
            String name = user.settings().username();
            try {
                UserOutcome outcome = fetchAndStore(user);
                spotifyFailuresInARow.set(0);
                databaseFailuresInARow.set(0);
                return outcome;
            } catch (SpotifyTransportException | SpotifyServerException e) {
                // each failure is the client's last word after its own retries; several users in
                // a row failing so, with no success between, means Spotify itself is away
                int inARow = spotifyFailuresInARow.incrementAndGet();
                if (inARow >= FAILURES_IN_A_ROW_BEFORE_UNREACHABLE) {
                    stop(
                            RunStop.Cause.SPOTIFY_UNREACHABLE,
                            ("Spotify is unreachable: %s users in a row failed on timeouts,"
                                            + " refused connections or server errors (last: %s);"
                                            + " try again later")
                                    .formatted(inARow, e.getMessage()));
                }
                return UserOutcome.failedTransiently(name, e.getMessage());
            } catch (SpotifyCredentialsException e) {
                return stopped(
                        name,
                        e,
                        RunStop.Cause.CREDENTIALS_REJECTED,
                        "Spotify rejected the client credentials; check SPOTIFY_CLIENT_ID and"
                                + " SPOTIFY_CLIENT_SECRET");
            } catch (SpotifyFeatureUnavailableException e) {
                return stopped(
                        name,
                        e,
                        RunStop.Cause.NO_ACCESS,
                        ("this Spotify app has no access to %s (Spotify answered %s); use the"
                                        + " search or auto strategy (--strategy, FETCHER_STRATEGY)")
                                .formatted(e.endpoint(), e.status()));
            } catch (SpotifyRateLimitedException e) {
                if (e.quotaExceeded()) {
                    // the quota is the developer account's, shared by every client id: nobody else
                    // can run either
                    OffsetDateTime until = OffsetDateTime.now(clock).plus(e.retryAfter());
                    return stopped(
                            name,
                            e,
                            RunStop.Cause.QUOTA_EXCEEDED,
                            ("Spotify's quota for this developer account is spent"
                                            + " (QUOTA_EXCEEDED); it is counted over a rolling day"
                                            + " and Spotify asks to wait until about %s"
                                            + " (Retry-After %s s); lower"
                                            + " FETCHER_SPOTIFY_REQUESTS_PER_ALIAS or the number of"
                                            + " aliases")
                                    .formatted(until.withNano(0), e.retryAfter().toSeconds()));
                }
                if (e.retryAfter().compareTo(longestAcceptableWait) >= 0) {
                    return stopped(
                            name,
                            e,
                            RunStop.Cause.RETRY_AFTER_TOO_LONG,
                            ("Spotify asks to wait %s s (Retry-After), longer than the retry"
                                            + " budget of %s s (SPOTIFY_RETRY_BUDGET_SECONDS); try"
                                            + " again later")
                                    .formatted(
                                            e.retryAfter().toSeconds(),
                                            longestAcceptableWait.toSeconds()));
                }
                return UserOutcome.failedTransiently(name, e.getMessage());
            } catch (DatabaseUnavailableException e) {
                int inARow = databaseFailuresInARow.incrementAndGet();
                if (inARow >= FAILURES_IN_A_ROW_BEFORE_UNREACHABLE) {
                    stop(
                            RunStop.Cause.DATABASE_LOST,
                            "the database became unreachable: " + e.getMessage());
                }
                return UserOutcome.failedTransiently(name, e.getMessage());
            } catch (LockLostException e) {
                return stopped(name, e, RunStop.Cause.LOCK_LOST, e.getMessage());
            } catch (DatabaseTimeoutException e) {
                // one slow statement: this user, not the run, and worth one more try at the end
                return UserOutcome.failedTransiently(name, e.getMessage());
            } catch (SpotifyException e) {
                return e.retryable()
                        ? UserOutcome.failedTransiently(name, e.getMessage())
                        : UserOutcome.failed(name, e.getMessage());
            } catch (PersistenceException e) {
                return UserOutcome.failed(name, e.getMessage());
            } catch (IllegalArgumentException e) {
                // a seed or setting Spotify's request rules refuse (e.g. a genre with a space)
                return UserOutcome.failed(name, "invalid settings: " + e.getMessage());
            } catch (RuntimeException e) {
                log.error("{}: unexpected error", name, e);
                return UserOutcome.failed(name, "unexpected error: " + e);
            }
        }

        /**
         * Fetches the user's list and stores it (or prints it, in a dry run); throws what went
         * wrong.
         */
        private UserOutcome fetchAndStore(UserAlias user) {
            String name = user.settings().username();
            DayList list =
                    strategy.fetch(
                            user,
                            plan.date(),
                            recommendations.recentTrackIds(user.id(), plan.date(), noRepeatDays));
            if (list.tracks().isEmpty()) {
                return UserOutcome.failed(
                        name,
                        "no tracks found for these seeds (strategy "
                                + list.strategy().dbValue()
                                + "); any list already stored for the date was kept");
            }
            storeGate.readLock().lock();
            try {
                if (storingClosed) {
                    return UserOutcome.notFetched(
                            name, stop.get() == null ? "the run ended" : stop.get().message());
                }
                int stored;
                if (plan.dryRun()) {
                    dryRunSink.print(user, plan.date(), list);
                    stored = list.tracks().size();
                } else {
                    stored =
                            recommendations.storeDay(
                                    new DayToStore(
                                            user.id(),
                                            plan.date(),
                                            list.strategy(),
                                            runId,
                                            OffsetDateTime.now(clock),
                                            list.tracks(),
                                            list.missingSources()),
                                    plan.lock());
                }
                succeeded.incrementAndGet();
                tracksStored.addAndGet(stored);
                return UserOutcome.stored(name, stored, list.strategy());
            } finally {
                storeGate.readLock().unlock();
            }
        }

        /**
         * Stops the run for {@code cause}; the user whose fetch met {@code e} has failed for good.
         */
        private UserOutcome stopped(
                String name, RuntimeException e, RunStop.Cause cause, String reason) {
            stop(cause, reason);
            return UserOutcome.failed(name, e.getMessage());
        }

        private void stop(RunStop.Cause cause, String reason) {
            if (stop.compareAndSet(null, new RunStop(cause, reason))) {
                log.error("stopping the run: {}", reason);
            }
        }

        /**
         * No store starts after this; returns once the stores in flight have finished (or after
         * {@code wait}, when given), so the counters are final. False when the wait ran out.
         */
        boolean closeStoring(Duration wait) {
            var gate = storeGate.writeLock();
            try {
                if (wait == null) {
                    gate.lock();
                } else if (!gate.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                storingClosed = true;
                return true;
            } finally {
                gate.unlock();
            }
        }

        /** Writes the outcome once; false if the shutdown hook got there first. */
        boolean finish(RunResult result) {
            if (!recorded.compareAndSet(false, true)) {
                return false;
            }
            RunOutcome outcome =
                    new RunOutcome(
                            result.status(),
                            result.usersSucceeded(),
                            result.usersFailed(),
                            result.tracksStored(),
                            result.errorSummary(),
                            telemetry.requests(),
                            telemetry.unavailableSources());
            Failsafe.with(ROW_RETRY).run(() -> runs.finish(runId, outcome));
            return true;
        }

        /**
         * From the shutdown hook (SIGTERM, Ctrl-C): record what is known so the row is not left
         * "running".
         */
        void markInterrupted() {
            if (!recorded.compareAndSet(false, true)) {
                return;
            }
            stop.compareAndSet(
                    null, new RunStop(RunStop.Cause.INTERRUPTED, "the process was stopped"));
            if (!closeStoring(STORES_IN_FLIGHT_WAIT)) {
                log.warn(
                        "run {}: a store was still in flight after {} s; the counts below may miss"
                                + " it",
                        runId,
                        STORES_IN_FLIGHT_WAIT.toSeconds());
            }
            int ok = succeeded.get();
            int notOk = plan.users().size() - ok;
            log.warn(
                    "run {} stopped by a signal after {} of {} users; recording it as interrupted",
                    runId,
                    ok,
                    plan.users().size());
            String why =
                    "interrupted: the process was stopped after "
                            + ok
                            + " of "
                            + plan.users().size()
                            + " users";
            try {
                runs.finish(
                        runId,
                        new RunOutcome(
                                ok > 0 ? RunStatus.PARTIAL : RunStatus.FAILED,
                                ok,
                                notOk,
                                tracksStored.get(),
                                why));
            } catch (RuntimeException e) {
                // the pool may already be closing; the row stays "running"
            }
            // which users failed is not known here (their threads may still be running):
            // only the counts
            tellSignal(
                    new RunResult(
                            runId,
                            plan.date(),
                            plan.users().size(),
                            ok,
                            notOk,
                            tracksStored.get(),
                            List.of(),
                            new RunStop(RunStop.Cause.INTERRUPTED, why),
                            Set.of(),
                            Duration.ofNanos(System.nanoTime() - startNanos)));
        }

        /**
         * Hands the interrupted run to {@code onSignal} on a thread of its own, waiting at most
         * {@link #SIGNAL_REPORT_WAIT}.
         */
        private void tellSignal(RunResult partial) {
            Thread teller = new Thread(() -> onSignal.accept(partial), "fetch-run-signal-report");
            teller.setDaemon(true);
            teller.start();
            try {
                teller.join(SIGNAL_REPORT_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (teller.isAlive()) {
                log.warn(
                        "run {}: telling its outcome took longer than {} s; exiting without waiting"
                                + " for it",
                        runId,
                        SIGNAL_REPORT_WAIT.toSeconds());
            }
        }
    }
}
