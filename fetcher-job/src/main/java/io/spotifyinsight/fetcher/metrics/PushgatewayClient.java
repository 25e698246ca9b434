package io.spotifyinsight.fetcher.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Pushes metrics to a Prometheus Pushgateway under {@code /metrics/job/spotify_insight_fetcher}, in
 * the text format the client library writes (the library's own pushgateway exporter is not
 * available to this build). {@link Mode#REPLACE} is a PUT, which replaces every metric of the job's
 * group; {@link Mode#MERGE} a POST, which replaces only the metrics sent and keeps the others (so a
 * run that could not read its last success leaves the pushed one in place). One attempt, bounded by
 * {@code timeout}: the next run pushes again.
 */
public final class PushgatewayClient {
    public enum Mode {
        REPLACE,
        MERGE
    }

    static final MediaType TEXT_FORMAT = MediaType.get("text/plain; version=0.0.4; charset=utf-8");

    private final HttpUrl groupUrl;
    private final String authorization;
    private final OkHttpClient http;

    public PushgatewayClient(HttpUrl base, OkHttpClient http, Duration timeout) {
        this.groupUrl =
                base.newBuilder()
                        .username("")
                        .password("")
                        .addPathSegments("metrics/job")
                        .addPathSegment(JobMetrics.JOB)
                        .build();
        this.authorization =
                base.username().isEmpty()
                        ? null
                        : Credentials.basic(base.username(), base.password());
        this.http =
                http.newBuilder()
                        .callTimeout(timeout)
                        .connectTimeout(timeout)
                        .readTimeout(timeout)
                        .build();
    }

    /**
     * @throws IOException when the push did not reach the Pushgateway or it answered other than 2xx
     */
    public void push(MetricSnapshots metrics, Mode mode) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(body, metrics);
        RequestBody content = RequestBody.create(body.toByteArray(), TEXT_FORMAT);
        Request.Builder request = new Request.Builder().url(groupUrl);
        request = mode == Mode.REPLACE ? request.put(content) : request.post(content);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("the Pushgateway answered HTTP " + response.code());
            }
        }
    }
}
