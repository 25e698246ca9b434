package io.spotifyinsight.web.metrics;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.web.http.RenderedCache;
import io.spotifyinsight.web.http.RequestIds;
import io.spotifyinsight.web.recommendation.RecommendationService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Prometheus registry and what feeds it: one timer per (method, route template, status), with
 * the template ({@code /user-recommendations/{username}}) rather than the raw path so that the
 * number of series stays bounded whatever clients send; the connection pool and Jetty's worker
 * threads (through HikariCP's and Micrometer's own binders); the JVM. No Javalin 7 plugin exists,
 * so requests are timed from Javalin's request logger, which sees every request including those
 * that end in an error.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    /**
     * The timers already registered, by method, route and status. Building and registering a timer
     * (tags sorted, id hashed, registry looked up) on every request cost more than recording into
     * it; the key space is as bounded as the series themselves.
     */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public Metrics() {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * HikariCP's own Micrometer tracker: {@code
     * hikaricp_connections_active|idle|pending|max{pool=...}} and more.
     */
    public void bindPool(Database database) {
        database.trackMetrics(new MicrometerMetricsTrackerFactory(registry));
    }

    /**
     * Hits, misses, evictions and size of the rendered past days: {@code
     * cache_*{cache="web.days"}}.
     */
    public void bindCache(RecommendationService service) {
        service.cache().bindTo(registry, "web.days");
    }

    /** The same for rendered day pages: {@code cache_*{cache="web.pages"}}. */
    public void bindPageCache(RenderedCache<?> cache) {
        cache.bindTo(registry, "web.pages");
    }

    /**
     * Micrometer's Jetty binder: {@code jetty_threads_busy|idle|current|config_max|config_min} and
     * {@code jetty_threads_jobs}.
     */
    public void bindThreadPool(QueuedThreadPool pool) {
        new JettyServerThreadPoolMetrics(pool, Tags.empty()).bindTo(registry);
    }

    /**
     * A Javalin request logger: times the request, then releases the request id from the thread.
     */
    public void record(Context ctx, Float executionTimeMs) {
        try {
            var endpoint = ctx.endpoints().lastHttpEndpoint();
            // no endpoint: a webjar file (2xx/3xx) or no route at all
            String route =
                    endpoint != null
                            ? endpoint.path
                            : ctx.statusCode() < 400 ? "static" : "unmatched";
            String method = ctx.method().name();
            int status = ctx.statusCode();
            timers.computeIfAbsent(
                            method + ' ' + route + ' ' + status,
                            key -> timer(method, route, status))
                    .record((long) (executionTimeMs * 1_000_000L), TimeUnit.NANOSECONDS);
        } finally {
            RequestIds.release();
        }
    }

    private Timer timer(String method, String route, int status) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests by route template and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    public String scrape() {
        return registry.scrape();
    }

    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
