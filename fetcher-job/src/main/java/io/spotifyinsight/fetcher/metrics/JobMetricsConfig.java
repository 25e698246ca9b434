package io.spotifyinsight.fetcher.metrics;

import io.spotifyinsight.config.EnvReader;
import io.spotifyinsight.fetcher.report.Redaction;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Where the job's metrics go at the end of a run, both optional: {@code FETCHER_METRICS_FILE}, a
 * {@code .prom} file in node_exporter's textfile-collector directory, and {@code
 * FETCHER_PUSHGATEWAY_URL}, a Prometheus Pushgateway's base URL (credentials in the URL are sent as
 * basic auth and never shown).
 *
 * @param file null when no file is written
 * @param pushgateway null when nothing is pushed
 */
public record JobMetricsConfig(Path file, HttpUrl pushgateway) {
    public static final JobMetricsConfig OFF = new JobMetricsConfig(null, null);

    public Optional<Path> textFile() {
        return Optional.ofNullable(file);
    }

    public Optional<HttpUrl> pushgatewayUrl() {
        return Optional.ofNullable(pushgateway);
    }

    /**
     * Reads the variables above, recording each problem in {@code env}; a URL is never repeated.
     */
    public static JobMetricsConfig read(EnvReader env) {
        Path file = null;
        String rawFile = env.text("FETCHER_METRICS_FILE");
        if (rawFile != null) {
            try {
                file = Path.of(rawFile).toAbsolutePath();
            } catch (InvalidPathException e) {
                env.problem(
                        "FETCHER_METRICS_FILE is '"
                                + rawFile
                                + "': not a file path ("
                                + e.getReason()
                                + ")");
            }
            if (file != null && !file.getFileName().toString().endsWith(".prom")) {
                env.problem(
                        "FETCHER_METRICS_FILE is '"
                                + rawFile
                                + "': expected a file name ending in .prom"
                                + " (node_exporter's textfile collector reads only those), such as"
                                + " /var/lib/node_exporter/textfile/spotify_insight_fetcher.prom");
                file = null;
            } else if (file != null && !Files.isDirectory(file.getParent())) {
                env.problem(
                        "FETCHER_METRICS_FILE is '"
                                + rawFile
                                + "': its directory "
                                + file.getParent()
                                + " does not exist; expected a file in an existing directory"
                                + " (node_exporter's --collector.textfile.directory)");
                file = null;
            }
        }
        HttpUrl pushgateway =
                Redaction.readUrl(
                        env,
                        "FETCHER_PUSHGATEWAY_URL",
                        "credentials",
                        "the Pushgateway's base URL, such as http://localhost:9091");
        if (pushgateway != null && pushgateway.encodedPath().contains("/metrics/job/")) {
            env.problem(
                    "FETCHER_PUSHGATEWAY_URL names a job path (/metrics/job/...): expected the"
                            + " Pushgateway's base URL, such as http://localhost:9091; the job is"
                            + " always "
                            + JobMetrics.JOB);
            pushgateway = null;
        }
        return new JobMetricsConfig(file, pushgateway);
    }

    @Override
    public String toString() {
        return "JobMetricsConfig[file="
                + (file == null ? "none" : file)
                + ", pushgateway="
                + (pushgateway == null
                        ? "none"
                        : pushgateway.scheme()
                                + "://"
                                + pushgateway.host()
                                + ":"
                                + pushgateway.port())
                + "]";
    }
}
