package io.spotifyinsight.fetcher.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.spotifyinsight.fetcher.report.Redaction;
import io.spotifyinsight.fetcher.report.RunReport;
import io.spotifyinsight.fetcher.report.RunReporter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the job's metrics ({@link JobMetrics}) to {@code FETCHER_METRICS_FILE} and pushes them to
 * {@code FETCHER_PUSHGATEWAY_URL} at the end of every run (and when one cannot start). The last
 * success comes from the run history, so it survives failed runs; when the database cannot be read
 * it is left out, and the push merges (POST) instead of replacing, keeping the Pushgateway's value.
 * Each failure is logged once, at WARN; the run's outcome never changes.
 */
public final class JobMetricsReporter implements RunReporter {
    private static final Logger log = LoggerFactory.getLogger(JobMetricsReporter.class);

    private final Path file;
    private final HttpUrl pushgatewayUrl;
    private final PushgatewayClient pushgateway;
    private final Supplier<Optional<OffsetDateTime>> lastSuccess;

    /**
     * @param file null for no file
     * @param pushgateway null for no push; {@code pushgatewayUrl} is only for keeping it out of
     *     messages
     * @param lastSuccess reads the run history: empty when no run succeeded yet; throws when the
     *     history cannot be read (the database is away), which leaves the metric out
     */
    public JobMetricsReporter(
            Path file,
            HttpUrl pushgatewayUrl,
            PushgatewayClient pushgateway,
            Supplier<Optional<OffsetDateTime>> lastSuccess) {
        this.file = file;
        this.pushgatewayUrl = pushgatewayUrl;
        this.pushgateway = pushgateway;
        this.lastSuccess = lastSuccess;
    }

    @Override
    public void report(RunReport report) {
        Optional<OffsetDateTime> success = Optional.empty();
        boolean known;
        try {
            success = lastSuccess.get();
            known = true;
        } catch (RuntimeException e) {
            log.debug("the last successful run could not be read: {}", e.toString());
            known = false;
        }
        MetricSnapshots metrics = JobMetrics.of(report, success);
        if (file != null) {
            try {
                MetricsTextFile.write(file, metrics);
            } catch (IOException | RuntimeException e) {
                log.warn(
                        "could not write the job's metrics to FETCHER_METRICS_FILE {}: {}",
                        file,
                        e.toString());
            }
        }
        if (pushgateway != null) {
            try {
                pushgateway.push(
                        metrics,
                        known ? PushgatewayClient.Mode.REPLACE : PushgatewayClient.Mode.MERGE);
            } catch (IOException | RuntimeException e) {
                log.warn(
                        "could not push the job's metrics to FETCHER_PUSHGATEWAY_URL: {}",
                        Redaction.scrub(e.toString(), pushgatewayUrl, "FETCHER_PUSHGATEWAY_URL"));
            }
        }
    }
}
