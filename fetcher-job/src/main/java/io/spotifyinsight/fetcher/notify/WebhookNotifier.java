package io.spotifyinsight.fetcher.notify;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.spotifyinsight.fetcher.report.Redaction;
import io.spotifyinsight.fetcher.report.RunReport;
import io.spotifyinsight.fetcher.report.RunReporter;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs a run's outcome to {@code NOTIFY_WEBHOOK_URL}, bounded by its {@link Delivery}: each
 * attempt at most {@code timeout} (connect, send and answer), {@code maxAttempts} attempts for a
 * connection failure, a timeout, a 429 or a 5xx, with a pause that doubles between them; any other
 * answer is final. A notification that was not delivered is logged once, at WARN, without the URL;
 * it never changes the run's outcome.
 */
public final class WebhookNotifier implements RunReporter {
    private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

    /** Each attempt's limit, also the job's other reporters' (the Pushgateway's). */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * How hard a notification is tried: each attempt at most {@code timeout}, {@code maxAttempts}
     * attempts, {@code firstPause} before the second.
     */
    public record Delivery(Duration timeout, int maxAttempts, Duration firstPause) {
        /** 10 s per attempt, 3 attempts, 1 s and then 2 s between them. */
        public static final Delivery DEFAULT = new Delivery(TIMEOUT, 3, Duration.ofSeconds(1));

        /** {@code shared} with this timeout and no retries of its own (the policy retries). */
        OkHttpClient client(OkHttpClient shared) {
            return shared.newBuilder()
                    .callTimeout(timeout)
                    .connectTimeout(timeout)
                    .readTimeout(timeout)
                    .writeTimeout(timeout)
                    .retryOnConnectionFailure(false)
                    .build();
        }

        RetryPolicy<Integer> retries() {
            return RetryPolicy.<Integer>builder()
                    .handle(IOException.class)
                    .handleResultIf(status -> status == 429 || status >= 500)
                    .withMaxAttempts(maxAttempts)
                    .withBackoff(firstPause, firstPause.multipliedBy(4))
                    .build();
        }
    }

    private final NotifyConfig config;
    private final HttpUrl url;
    private final OkHttpClient http;
    private final RetryPolicy<Integer> retries;
    private final NotificationRequests requests = new NotificationRequests();

    /**
     * @param config with a webhook URL; {@code NOTIFY_ON} decides which runs are told
     * @param http the application's client; a derived one with the delivery's timeout is used
     */
    public WebhookNotifier(NotifyConfig config, OkHttpClient http, Delivery delivery) {
        this.config = config;
        this.url = Objects.requireNonNull(config.webhook(), "config.webhook");
        this.http = delivery.client(http);
        this.retries = delivery.retries();
    }

    @Override
    public void report(RunReport report) {
        if (!config.on().wants(report.status())) {
            return;
        }
        NotifyFormat format = config.format();
        Request request = requests.request(url, format, report);
        AtomicInteger attempts = new AtomicInteger();
        try {
            int status = Failsafe.with(retries).get(() -> send(request, attempts));
            if (status >= 200 && status < 300) {
                log.debug("run notification delivered ({}, HTTP {})", format.value(), status);
            } else {
                warn(attempts.get(), "the receiver answered HTTP " + status);
            }
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            warn(attempts.get(), cause.toString());
        } catch (RuntimeException e) {
            warn(attempts.get(), e.toString());
        }
    }

    private int send(Request request, AtomicInteger attempts) throws IOException {
        attempts.incrementAndGet();
        try (Response response = http.newCall(request).execute()) {
            return response.code();
        }
    }

    private void warn(int attempts, String problem) {
        log.warn(
                "the run notification ({}) was not delivered to NOTIFY_WEBHOOK_URL ({} {}): {}",
                config.format().value(),
                attempts,
                attempts == 1 ? "attempt" : "attempts",
                Redaction.scrub(problem, url, "NOTIFY_WEBHOOK_URL"));
    }
}
