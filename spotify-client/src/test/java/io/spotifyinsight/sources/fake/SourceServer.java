package io.spotifyinsight.sources.fake;

import io.spotifyinsight.spotify.fake.NoDelayServerSocketFactory;
import io.spotifyinsight.spotify.fake.RecordedCall;
import io.spotifyinsight.spotify.fake.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * The HTTP side every source fake shares: a MockWebServer on a real socket, a request log, and
 * injected faults answered before the fake's own logic, one per request in order ({@code
 * failNext}), or on every request ({@code alwaysFail}). Closing it refuses further connections.
 * Thread-safe.
 */
final class SourceServer implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final Deque<Reply> faults = new ArrayDeque<>();
    private final Deque<RecordedCall> log = new ArrayDeque<>();
    private final IntFunction<Reply> failure;
    private final Function<RecordedRequest, Reply> handler;
    private final String host;
    private volatile int alwaysFail;

    /**
     * @param failure the fake's answer to an injected status (its own error shape)
     * @param handler the fake's answer to a request no fault intercepted
     */
    SourceServer(
            String name,
            String host,
            int port,
            IntFunction<Reply> failure,
            Function<RecordedRequest, Reply> handler) {
        this.host = host;
        this.failure = failure;
        this.handler = handler;
        server.setDispatcher(
                new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        return SourceServer.this.dispatch(request);
                    }
                });
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        try {
            server.start(InetAddress.getByName(host), port);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not start the fake " + name + " on " + host + ":" + port, e);
        }
    }

    /** {@code http://HOST:PORT}, with 127.0.0.1 for a server bound to 0.0.0.0. */
    String origin() {
        return "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + server.getPort();
    }

    int port() {
        return server.getPort();
    }

    void failNext(int n, int status) {
        queue(n, failure.apply(checkStatus(status)));
    }

    synchronized void queue(int n, Reply reply) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        for (int i = 0; i < n; i++) {
            faults.addLast(reply);
        }
    }

    /** Every request is answered with {@code status} from now on; 0 turns it off. */
    void alwaysFail(int status) {
        this.alwaysFail = status == 0 ? 0 : checkStatus(status);
    }

    synchronized void clearFaults() {
        faults.clear();
        alwaysFail = 0;
    }

    List<RecordedCall> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    void resetLog() {
        synchronized (log) {
            log.clear();
        }
    }

    @Override
    public void close() {
        server.close();
    }

    private synchronized Reply nextFault() {
        Reply fault = faults.pollFirst();
        if (fault == null && alwaysFail != 0) {
            fault = failure.apply(alwaysFail);
        }
        return fault;
    }

    private MockResponse dispatch(RecordedRequest request) {
        Instant receivedAt = Instant.now();
        drainServerQueue();
        Reply fault = nextFault();
        Reply reply = fault != null ? fault : handler.apply(request);
        synchronized (log) {
            log.addLast(RecordedCall.of(request, receivedAt, reply.status()));
        }
        MockResponse.Builder response = new MockResponse.Builder();
        if (reply.dropConnection()) {
            return response.onResponseStart(new SocketEffect.CloseSocket()).build();
        }
        response.code(reply.status());
        reply.headers().forEach(response::setHeader);
        return response.body(reply.body()).build();
    }

    /** MockWebServer queues every request for takeRequest(); we keep our own log instead. */
    private void drainServerQueue() {
        try {
            while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
                // discard
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return status;
    }
}
