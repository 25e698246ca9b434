package io.spotifyinsight.fetcher.metrics;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.spotifyinsight.fetcher.report.RunReport;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * A run's outcome as Prometheus gauges, the way batch jobs report: values of the last run, plus
 * when the last successful one finished. Built in a registry of its own for each run (never the
 * global one).
 *
 * <ul>
 *   <li>{@code spotify_insight_fetcher_last_run_timestamp_seconds}: when the last run ended (or
 *       failed to start);
 *   <li>{@code spotify_insight_fetcher_last_success_timestamp_seconds}: when the newest run that
 *       stored every alias ended, from the database; left out when the database could not be read;
 *   <li>{@code spotify_insight_fetcher_last_run_duration_seconds};
 *   <li>{@code spotify_insight_fetcher_last_run_status{status}}: 1 for the last run's status
 *       (succeeded, partial, failed, not_started), 0 for the others;
 *   <li>{@code spotify_insight_fetcher_last_run_users{result}}: aliases stored, failed, and in the
 *       run (total);
 *   <li>{@code spotify_insight_fetcher_last_run_tracks}: tracks stored;
 *   <li>{@code spotify_insight_fetcher_last_run_requests{service}} and {@code
 *       spotify_insight_fetcher_last_run_rate_limited_responses{service}}: requests sent to each
 *       service and the 429 answers among them.
 * </ul>
 */
public final class JobMetrics {
    public static final String JOB = "spotify_insight_fetcher";
    static final String PREFIX = "spotify_insight_fetcher_";

    private JobMetrics() {}

    public static MetricSnapshots of(RunReport report, Optional<OffsetDateTime> lastSuccess) {
        PrometheusRegistry registry = new PrometheusRegistry();
        gauge(
                        registry,
                        "last_run_timestamp_seconds",
                        "When the last run ended or failed to start (Unix time).")
                .set(report.finishedAt().toEpochMilli() / 1000.0);
        lastSuccess.ifPresent(
                at ->
                        gauge(
                                        registry,
                                        "last_success_timestamp_seconds",
                                        "When the newest run that stored every alias ended (Unix"
                                                + " time), from the run history.")
                                .set(at.toInstant().toEpochMilli() / 1000.0));
        gauge(registry, "last_run_duration_seconds", "Wall time of the last run.")
                .set(report.duration().toMillis() / 1000.0);
        Gauge status =
                gauge(
                        registry,
                        "last_run_status",
                        "1 for the last run's status (succeeded, partial, failed, not_started), 0"
                                + " for the others.",
                        "status");
        for (RunReport.Status each : RunReport.Status.values()) {
            status.labelValues(each.value()).set(each == report.status() ? 1 : 0);
        }
        Gauge users =
                gauge(
                        registry,
                        "last_run_users",
                        "Aliases of the last run: stored, failed, total.",
                        "result");
        users.labelValues("stored").set(report.usersStored());
        users.labelValues("failed").set(report.usersFailed());
        users.labelValues("total").set(report.usersTotal());
        gauge(registry, "last_run_tracks", "Tracks stored by the last run.").set(report.tracks());
        Gauge requests =
                gauge(
                        registry,
                        "last_run_requests",
                        "Requests the last run sent to each service (every attempt, token requests"
                                + " included).",
                        "service");
        Gauge rateLimited =
                gauge(
                        registry,
                        "last_run_rate_limited_responses",
                        "Answers 429 (rate limited) the last run got from each service.",
                        "service");
        for (Map.Entry<String, RunReport.Traffic> service : report.traffic().entrySet()) {
            requests.labelValues(service.getKey()).set(service.getValue().requests());
            rateLimited.labelValues(service.getKey()).set(service.getValue().rateLimited());
        }
        return registry.scrape();
    }

    private static Gauge gauge(
            PrometheusRegistry registry, String name, String help, String... labels) {
        return Gauge.builder().name(PREFIX + name).help(help).labelNames(labels).register(registry);
    }
}
