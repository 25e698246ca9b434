package io.spotifyinsight.fetcher.report;

import io.spotifyinsight.fetcher.engine.RunResult;
import io.spotifyinsight.persistence.recommendation.Strategy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How a run ended, as the world outside the process hears of it (webhook notifications, the job's
 * metrics): a finished run with its counts, or a run that could not start and why.
 *
 * @param runId the fetch_run row; null when the run did not start
 * @param date the logical date; null when it could not be worked out (an invalid APP_TIMEZONE)
 * @param strategy the strategy asked for (auto, spotify, search, blend); null when unknown
 * @param strategiesUsed the strategies that produced the stored lists (auto resolves to one of
 *     them)
 * @param reason why the run stopped early or could not start; null otherwise
 * @param traffic requests and 429 answers per service, by the service's config name
 */
public record RunReport(
        Event event,
        Long runId,
        LocalDate date,
        Status status,
        String strategy,
        List<String> strategiesUsed,
        int usersStored,
        int usersFailed,
        int usersTotal,
        int tracks,
        Duration duration,
        List<FailedAlias> failures,
        List<String> unavailableSources,
        String reason,
        Map<String, Traffic> traffic,
        Instant finishedAt) {

    public enum Event {
        RUN_FINISHED,
        RUN_NOT_STARTED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The run's status as the fetch_run row has it, plus {@code not_started}. */
    public enum Status {
        SUCCEEDED,
        PARTIAL,
        FAILED,
        NOT_STARTED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean isFailure() {
            return this != SUCCEEDED;
        }
    }

    /**
     * A user alias that got no list, and why; {@code notFetched} when the run stopped before trying
     * it.
     */
    public record FailedAlias(String alias, String reason, boolean notFetched) {
        public FailedAlias {
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** What one service was sent in the run. */
    public record Traffic(long requests, long rateLimited) {}

    public RunReport {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(finishedAt, "finishedAt");
        strategiesUsed = List.copyOf(strategiesUsed);
        failures = List.copyOf(failures);
        unavailableSources = List.copyOf(unavailableSources);
        traffic = Map.copyOf(traffic);
    }

    /**
     * The report of a run that ran to its end (or stopped early, with {@code result.stopReason()}).
     */
    public static RunReport finished(
            RunResult result,
            String strategy,
            List<String> unavailableSources,
            Map<String, Traffic> traffic,
            Instant finishedAt) {
        Status status =
                switch (result.status()) {
                    case SUCCEEDED -> Status.SUCCEEDED;
                    case PARTIAL -> Status.PARTIAL;
                    default -> Status.FAILED;
                };
        List<FailedAlias> failures =
                result.failures().stream()
                        .map(f -> new FailedAlias(f.username(), f.error(), f.notFetched()))
                        .toList();
        List<String> used =
                result.strategiesUsed().stream().map(Strategy::dbValue).sorted().toList();
        return new RunReport(
                Event.RUN_FINISHED,
                result.runId(),
                result.date(),
                status,
                strategy,
                used,
                result.usersSucceeded(),
                result.usersFailed(),
                result.usersTotal(),
                result.tracksStored(),
                result.elapsed(),
                failures,
                unavailableSources,
                result.stopReason(),
                traffic,
                finishedAt);
    }

    /**
     * The report of a run that could not start: the lock was held, the database away, a setting
     * invalid.
     */
    public static RunReport notStarted(LocalDate date, String strategy, String reason, Instant at) {
        return new RunReport(
                Event.RUN_NOT_STARTED,
                null,
                date,
                Status.NOT_STARTED,
                strategy,
                List.of(),
                0,
                0,
                0,
                0,
                Duration.ZERO,
                List.of(),
                List.of(),
                Objects.requireNonNull(reason, "reason"),
                new TreeMap<>(),
                at);
    }

    /** One line for a person: what happened, with the counts, the first failures and the reason. */
    public String text() {
        String day = date == null ? "" : " for " + date;
        if (event == Event.RUN_NOT_STARTED) {
            return "Spotify Insight: the run" + day + " could not start: " + reason;
        }
        StringBuilder text =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "Spotify Insight: run %d%s %s: %d of %d aliases stored, %d failed,"
                                        + " %d tracks, %.1f s",
                                runId == null ? 0 : runId,
                                day,
                                status.value(),
                                usersStored,
                                usersTotal,
                                usersFailed,
                                tracks,
                                duration.toMillis() / 1000.0));
        if (reason != null) {
            text.append("; stopped early: ").append(reason);
        }
        List<FailedAlias> tried = failures.stream().filter(f -> !f.notFetched()).toList();
        if (!tried.isEmpty()) {
            text.append("; failed: ")
                    .append(
                            tried.stream()
                                    .limit(MAX_FAILURES_IN_TEXT)
                                    .map(f -> f.alias() + " (" + f.reason() + ")")
                                    .collect(Collectors.joining(", ")));
            if (tried.size() > MAX_FAILURES_IN_TEXT) {
                text.append(" and ").append(tried.size() - MAX_FAILURES_IN_TEXT).append(" more");
            }
        }
        if (!unavailableSources.isEmpty()) {
            text.append("; unavailable: ").append(String.join(", ", unavailableSources));
        }
        return text.toString();
    }

    /** The text names this many failed aliases at most; the JSON document names all of them. */
    static final int MAX_FAILURES_IN_TEXT = 5;
}
