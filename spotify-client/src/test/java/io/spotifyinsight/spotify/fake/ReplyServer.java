package io.spotifyinsight.spotify.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * The HTTP side of every fake: a MockWebServer on a real socket that answers each request with the
 * {@link Reply} of the fake's handler (after an optional latency, with the reason phrase a real
 * server sends), and keeps its own log of what it received, the newest {@code logLimit} requests.
 * Closing it refuses further connections. Thread-safe. Public for the fakes of the recommendation
 * sources.
 */
public final class ReplyServer implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final Deque<RecordedCall> log = new ArrayDeque<>();
    private final int logLimit;
    private final Function<RecordedRequest, Reply> handler;
    private volatile String host;
    private volatile Duration latency = Duration.ZERO;

    /** A server that does not listen yet: {@link #start} binds it. */
    public ReplyServer(int logLimit, Function<RecordedRequest, Reply> handler) {
        this.logLimit = logLimit;
        this.handler = Objects.requireNonNull(handler, "handler");
        server.setDispatcher(
                new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        return ReplyServer.this.dispatch(request);
                    }
                });
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
    }

    /**
     * Binds the options' {@code host:port} (port 0 picks a free one) and serves.
     *
     * @param name the fake's name for the error when the port is taken, e.g. {@code Spotify}
     * @throws UncheckedIOException when the address cannot be bound
     */
    public void start(String name, ServerOptions<?> where) {
        this.host = where.host;
        try {
            server.start(InetAddress.getByName(host), where.port);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not start the fake " + name + " on " + host + ":" + where.port, e);
        }
    }

    /** {@code http://HOST:PORT}, with 127.0.0.1 for a server bound to 0.0.0.0. */
    public String origin() {
        return "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port();
    }

    public int port() {
        return server.getPort();
    }

    /** Delay before the headers of every response from now on; zero for none. */
    public void setLatency(Duration latency) {
        this.latency = Objects.requireNonNull(latency, "latency");
    }

    /** Every request received so far (the newest {@code logLimit}), oldest first. */
    public List<RecordedCall> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public void resetLog() {
        synchronized (log) {
            log.clear();
        }
    }

    @Override
    public void close() {
        server.close();
    }

    private MockResponse dispatch(RecordedRequest request) {
        Instant receivedAt = Instant.now();
        drainServerQueue();
        Reply reply = handler.apply(request);
        synchronized (log) {
            log.addLast(RecordedCall.of(request, receivedAt, reply.status()));
            if (log.size() > logLimit) {
                log.removeFirst();
            }
        }
        return toMockResponse(reply);
    }

    private MockResponse toMockResponse(Reply reply) {
        MockResponse.Builder response = new MockResponse.Builder();
        Duration delay = latency;
        if (!delay.isZero()) {
            response.headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (reply.dropConnection()) {
            return response.onResponseStart(new SocketEffect.CloseSocket()).build();
        }
        response.code(reply.status());
        response.status("HTTP/1.1 " + reply.status() + " " + reasonPhrase(reply.status()));
        reply.headers().forEach(response::setHeader);
        return response.body(reply.body()).build();
    }

    /** The reason phrase real servers send with {@code status}, for status lines and bodies. */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 400 ? "OK" : status < 500 ? "Client Error" : "Server Error";
        };
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
}
