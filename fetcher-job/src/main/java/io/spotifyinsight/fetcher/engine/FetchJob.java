package io.spotifyinsight.fetcher.engine;

import io.spotifyinsight.persistence.DatabaseUnavailableException;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One fetch run: every given user, {@code concurrency} at a time, each fetched by the strategy and
 * stored atomically (a re-run replaces the day). One user's failure never stops the others; only
 * run-wide problems stop the run early, failing the users not yet tried at once instead of failing
 * each of them slowly: Spotify rejecting the credentials, the app having no access to the chosen
 * strategy's endpoint, a Retry-After at least as long as the retry budget, the database going away.
 *
 * <p>The first user is fetched alone before the others start, so a run-wide problem (or the
 * {@code auto} strategy's switch to search) is found with one user's requests, not
 * {@code concurrency} users'. The caller holds the job lock; this class writes the fetch_run row.
 */
public final class FetchJob {
    private static final Logger log = LoggerFactory.getLogger(FetchJob.class);
    /** MDC keys: the fetch_run row's id while a run runs, and the alias a worker is fetching. */
    public static final String MDC_RUN_ID = "run_id";
    public static final String MDC_ALIAS = "alias";
    static final String ABANDONED = "interrupted: the process ended without recording an outcome (killed?); "
            + "users it stored keep their lists";
    /** Abandoned rows are closed by the next run, so they are always among the latest few. */
    private static final int ABANDONED_RUNS_SCAN = 100;

    private final RecommendationRepository recommendations;
    private final FetchRunRepository runs;
    private final int concurrency;
    private final Duration longestAcceptableWait;
    private final int noRepeatDays;
    private final Clock clock;

    /**
     * @param longestAcceptableWait a Retry-After at least this long stops the run (the Spotify retry
     *     budget: the client has already given up on such a wait)
     * @param noRepeatDays tracks recommended to a user within this many days before the date are
     *     avoided while other candidates exist
     */
    public FetchJob(RecommendationRepository recommendations, FetchRunRepository runs, int concurrency,
                    Duration longestAcceptableWait, int noRepeatDays, Clock clock) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.recommendations = recommendations;
        this.runs = runs;
        this.concurrency = concurrency;
        this.longestAcceptableWait = longestAcceptableWait;
        this.noRepeatDays = noRepeatDays;
        this.clock = clock;
    }

    /** What to run: the users (already resolved), the date, how, and whether to store. */
    public record Plan(LocalDate date, String strategyLabel, List<UserAlias> users, boolean dryRun) {
        public Plan {
            users = List.copyOf(users);
        }
    }

    /** Receives each list of a dry run, instead of the database. */
    public interface DryRunSink {
        void print(UserAlias user, LocalDate date, DayList list);
    }

    public RunResult run(Plan plan, RecommendationStrategy strategy, RunTelemetry telemetry, Progress progress,
                         DryRunSink dryRunSink) {
        long startNanos = System.nanoTime();
        if (!plan.dryRun()) {
            closeAbandonedRuns();
        }
        Long runId = plan.dryRun() ? null : runs.start(plan.date(), plan.strategyLabel(), plan.users().size());
        var state = new RunState(runId, plan, strategy, telemetry, progress, dryRunSink);
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
            RunResult result = summarise(runId, plan, outcomes, state.stopReason.get(),
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
     * (SIGKILL, OOM, power loss) before they could record an outcome; without this they would show as
     * running forever. Their stored days are complete (a day is one transaction) and stay.
     */
    private void closeAbandonedRuns() {
        for (FetchRun abandoned : runs.latest(ABANDONED_RUNS_SCAN).stream()
                .filter(run -> run.status() == RunStatus.RUNNING).toList()) {
            log.warn("run {} for {} ended without recording an outcome (the process was killed); "
                    + "marking it failed", abandoned.id(), abandoned.logicalDate());
            runs.finish(abandoned.id(), new RunOutcome(RunStatus.FAILED, 0, 0, 0, ABANDONED));
        }
    }

    private static RunResult summarise(Long runId, Plan plan, List<UserOutcome> outcomes, String stopReason,
                                       Duration elapsed) {
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
        return new RunResult(runId, plan.date(), outcomes.size(), succeeded, failures.size(), tracks, failures,
                stopReason, used, elapsed);
    }

    /** Everything one run shares between its threads. */
    private final class RunState {
        private final Long runId;
        private final Plan plan;
        private final RecommendationStrategy strategy;
        private final RunTelemetry telemetry;
        private final Progress progress;
        private final DryRunSink dryRunSink;
        private final AtomicReference<String> stopReason = new AtomicReference<>();
        private final AtomicInteger succeeded = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger tracksStored = new AtomicInteger();
        private final AtomicBoolean recorded = new AtomicBoolean();

        RunState(Long runId, Plan plan, RecommendationStrategy strategy, RunTelemetry telemetry, Progress progress,
                 DryRunSink dryRunSink) {
            this.runId = runId;
            this.plan = plan;
            this.strategy = strategy;
            this.telemetry = telemetry;
            this.progress = progress;
            this.dryRunSink = dryRunSink;
        }

        List<UserOutcome> processAll() {
            List<UserAlias> users = plan.users();
            if (users.isEmpty()) {
                return new ArrayList<>();
            }
            AtomicInteger threadNumber = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
                Thread thread = new Thread(r, "fetch-" + threadNumber.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<UserOutcome> outcomes = new ArrayList<>(users.size());
                outcomes.add(inLogContext(users.get(0), () -> process(users.get(0), false)));
                outcomes.addAll(processInPool(pool, users.subList(1, users.size()), false));
                // One more try, at the end, for users that failed on something passing (a 5xx, a 429 storm).
                List<Integer> again = new ArrayList<>();
                for (int i = 0; i < outcomes.size(); i++) {
                    if (outcomes.get(i).transientFailure()) {
                        again.add(i);
                    }
                }
                if (!again.isEmpty()) {
                    log.info("trying {} user(s) again that failed on a transient error", again.size());
                    List<UserOutcome> retried = processInPool(pool, again.stream().map(users::get).toList(), true);
                    for (int i = 0; i < again.size(); i++) {
                        outcomes.set(again.get(i), retried.get(i));
                    }
                }
                return outcomes;
            } finally {
                pool.shutdownNow();
            }
        }

        private List<UserOutcome> processInPool(ExecutorService pool, List<UserAlias> users, boolean lastTry) {
            List<Future<UserOutcome>> futures = new ArrayList<>(users.size());
            for (UserAlias user : users) {
                futures.add(pool.submit(() -> inLogContext(user, () -> process(user, lastTry))));
            }
            List<UserOutcome> outcomes = new ArrayList<>(users.size());
            for (int i = 0; i < futures.size(); i++) {
                outcomes.add(await(futures.get(i), users.get(i)));
            }
            return outcomes;
        }

        /** Runs {@code work} with the run id and the user's alias in the MDC, for the JSON log lines. */
        private UserOutcome inLogContext(UserAlias user, java.util.function.Supplier<UserOutcome> work) {
            boolean setRunId = runId != null && MDC.get(MDC_RUN_ID) == null;
            if (setRunId) {
                MDC.put(MDC_RUN_ID, runId.toString());
            }
            MDC.put(MDC_ALIAS, user.username());
            try {
                return work.get();
            } finally {
                MDC.remove(MDC_ALIAS);
                if (setRunId) {
                    MDC.remove(MDC_RUN_ID);
                }
            }
        }

        private UserOutcome await(Future<UserOutcome> future, UserAlias user) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop("the run was interrupted");
                return UserOutcome.notFetched(user.username(), "the run was interrupted");
            } catch (ExecutionException e) {
                // process() catches everything; an Error lands here
                return UserOutcome.failed(user.username(), "unexpected error: " + e.getCause());
            }
        }

        /**
         * Fetches and stores one user and reports it; never throws. A transient failure before the
         * last try is only logged: the user is tried again at the end of the run.
         */
        private UserOutcome process(UserAlias user, boolean lastTry) {
            UserOutcome outcome = attempt(user);
            if (outcome.stored()) {
                succeeded.incrementAndGet();
                tracksStored.addAndGet(outcome.tracks());
                progress.userStored(user.username(), outcome.tracks(), outcome.strategy());
            } else if (outcome.transientFailure() && !lastTry) {
                log.info("{}: {}; will try again at the end of the run", user.username(), outcome.error());
            } else {
                failed.incrementAndGet();
                if (outcome.notFetched()) {
                    progress.userSkipped(user.username());
                } else {
                    progress.userFailed(user.username(), outcome.error());
                }
            }
            return outcome;
        }

        private UserOutcome attempt(UserAlias user) {
            String stopped = stopReason.get();
            if (stopped != null) {
                return UserOutcome.notFetched(user.username(), stopped);
            }
            String name = user.username();
            try {
                DayList list = strategy.fetch(user, plan.date(),
                        recommendations.recentTrackIds(user.id(), plan.date(), noRepeatDays));
                if (list.tracks().isEmpty()) {
                    return UserOutcome.failed(name, "no tracks found for these seeds (strategy "
                            + list.strategy().dbValue() + "); any list already stored for the date was kept");
                }
                if (plan.dryRun()) {
                    dryRunSink.print(user, plan.date(), list);
                    return UserOutcome.stored(name, list.tracks().size(), list.strategy());
                }
                int stored = recommendations.storeDay(new DayToStore(user.id(), plan.date(), list.strategy(), runId,
                        OffsetDateTime.now(clock), list.tracks(), list.missingSources()));
                return UserOutcome.stored(name, stored, list.strategy());
            } catch (SpotifyCredentialsException e) {
                stop("Spotify rejected the client credentials; check SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET");
                return UserOutcome.failed(name, e.getMessage());
            } catch (SpotifyFeatureUnavailableException e) {
                stop("this Spotify app has no access to " + e.endpoint() + " (Spotify answered " + e.status()
                        + "); use the search or auto strategy (--strategy, FETCHER_STRATEGY)");
                return UserOutcome.failed(name, e.getMessage());
            } catch (SpotifyRateLimitedException e) {
                if (e.quotaExceeded()) {
                    // the quota is the developer account's, shared by every client id: nobody else can run either
                    stop("Spotify's quota for this developer account is spent (QUOTA_EXCEEDED); it is counted over a"
                            + " rolling day and Spotify asks to wait until about "
                            + OffsetDateTime.now(clock).plus(e.retryAfter()).withNano(0)
                            + " (Retry-After " + e.retryAfter().toSeconds() + " s); lower"
                            + " FETCHER_SPOTIFY_REQUESTS_PER_ALIAS or the number of aliases");
                    return UserOutcome.failed(name, e.getMessage());
                }
                if (e.retryAfter().compareTo(longestAcceptableWait) >= 0) {
                    stop("Spotify asks to wait " + e.retryAfter().toSeconds() + " s (Retry-After), longer than "
                            + "the retry budget of " + longestAcceptableWait.toSeconds()
                            + " s (SPOTIFY_RETRY_BUDGET_SECONDS); try again later");
                    return UserOutcome.failed(name, e.getMessage());
                }
                return UserOutcome.failedTransiently(name, e.getMessage());
            } catch (DatabaseUnavailableException e) {
                stop("the database became unreachable: " + e.getMessage());
                return UserOutcome.failed(name, e.getMessage());
            } catch (SpotifyException e) {
                return e.retryable() ? UserOutcome.failedTransiently(name, e.getMessage())
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

        private void stop(String reason) {
            if (stopReason.compareAndSet(null, reason)) {
                log.error("stopping the run: {}", reason);
            }
        }

        /** Writes the outcome once; false if the shutdown hook got there first. */
        boolean finish(RunResult result) {
            if (!recorded.compareAndSet(false, true)) {
                return false;
            }
            runs.finish(runId, new RunOutcome(result.status(), result.usersSucceeded(), result.usersFailed(),
                    result.tracksStored(), result.errorSummary(), telemetry.requests(), telemetry.unavailableSources()));
            return true;
        }

        /** From the shutdown hook (SIGTERM, Ctrl-C): record what is known so the row is not left "running". */
        void markInterrupted() {
            if (!recorded.compareAndSet(false, true)) {
                return;
            }
            stopReason.compareAndSet(null, "the process was stopped");
            int ok = succeeded.get();
            int notOk = plan.users().size() - ok;
            log.warn("run {} stopped by a signal after {} of {} users; recording it as interrupted", runId, ok,
                    plan.users().size());
            try {
                runs.finish(runId, new RunOutcome(ok > 0 ? RunStatus.PARTIAL
                        : RunStatus.FAILED, ok, notOk, tracksStored.get(),
                        "interrupted: the process was stopped after " + ok + " of " + plan.users().size()
                                + " users"));
            } catch (RuntimeException e) {
                // the pool may already be closing; the row stays "running"
            }
        }
    }
}
