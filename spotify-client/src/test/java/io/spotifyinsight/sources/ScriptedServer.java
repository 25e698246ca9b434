package io.spotifyinsight.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A MockWebServer answering scripted responses in order (500 once the script runs out) and
 * recording when each request arrived, so tests can assert on spacing and wait for states.
 */
final class ScriptedServer implements AutoCloseable {

    /** One request and its arrival time ({@link System#nanoTime()}). */
    record Arrival(RecordedRequest request, long nanos) {

        HttpUrl url() {
            return request.getUrl();
        }

        String header(String name) {
            return request.getHeaders().get(name);
        }

        Duration since(Arrival earlier) {
            return Duration.ofNanos(nanos - earlier.nanos);
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final ConcurrentLinkedDeque<MockResponse> script = new ConcurrentLinkedDeque<>();
    private final List<Arrival> arrivals = new ArrayList<>();

    static ScriptedServer start() {
        ScriptedServer scripted = new ScriptedServer();
        scripted.server.setDispatcher(
                new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        return scripted.answer(request);
                    }
                });
        try {
            scripted.server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scripted;
    }

    ScriptedServer json(int status, String body) {
        return then(
                new MockResponse.Builder()
                        .code(status)
                        .setHeader("Content-Type", "application/json; charset=utf-8")
                        .body(body)
                        .build());
    }

    ScriptedServer json(String body) {
        return json(200, body);
    }

    ScriptedServer rateLimited(String retryAfter) {
        MockResponse.Builder response =
                new MockResponse.Builder().code(429).body("{\"error\":\"Too Many Requests\"}");
        if (retryAfter != null) {
            response.setHeader("Retry-After", retryAfter);
        }
        return then(response.build());
    }

    ScriptedServer slow(Duration delay, String body) {
        return then(
                new MockResponse.Builder()
                        .headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
                        .body(body)
                        .build());
    }

    ScriptedServer then(MockResponse response) {
        script.addLast(response);
        return this;
    }

    /** Base URL with {@code path} (e.g. {@code /ws/2}), on 127.0.0.1 so plain http is allowed. */
    String baseUrl(String path) {
        return server.url(path).toString();
    }

    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    Arrival only() {
        List<Arrival> all = arrivals();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + all.size());
        }
        return all.get(0);
    }

    /** Polls {@code condition} every few ms for up to 5 s: waits for a state, not for a time. */
    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(2);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    private MockResponse answer(RecordedRequest request) {
        long now = System.nanoTime();
        synchronized (arrivals) {
            arrivals.add(new Arrival(request, now));
        }
        MockResponse next = script.pollFirst();
        return next != null
                ? next
                : new MockResponse.Builder()
                        .code(500)
                        .body("{\"error\":\"script exhausted\"}")
                        .build();
    }
}
