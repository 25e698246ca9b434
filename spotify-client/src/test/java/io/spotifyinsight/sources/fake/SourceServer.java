package io.spotifyinsight.sources.fake;

import io.spotifyinsight.spotify.fake.Reply;
import io.spotifyinsight.spotify.fake.ReplyServer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;
import java.util.function.IntFunction;
import mockwebserver3.RecordedRequest;

/**
 * The HTTP side every source fake shares: a {@link ReplyServer} (real socket, request log) that
 * answers injected faults before the fake's own logic, one per request in order ({@code failNext}),
 * or on every request ({@code alwaysFail}). Thread-safe.
 */
final class SourceServer {

    private final Deque<Reply> faults = new ArrayDeque<>();
    private final IntFunction<Reply> failure;
    private final Function<RecordedRequest, Reply> handler;
    private final ReplyServer server;
    private volatile int alwaysFail;

    /**
     * A server that does not listen yet: {@link ReplyServer#start} binds it.
     *
     * @param failure the fake's answer to an injected status (its own error shape)
     * @param handler the fake's answer to a request no fault intercepted
     */
    SourceServer(IntFunction<Reply> failure, Function<RecordedRequest, Reply> handler) {
        this.failure = failure;
        this.handler = handler;
        this.server = new ReplyServer(Integer.MAX_VALUE, this::answer);
    }

    /** The socket and the request log. */
    ReplyServer http() {
        return server;
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

    private synchronized Reply nextFault() {
        Reply fault = faults.pollFirst();
        if (fault == null && alwaysFail != 0) {
            fault = failure.apply(alwaysFail);
        }
        return fault;
    }

    private Reply answer(RecordedRequest request) {
        Reply fault = nextFault();
        return fault != null ? fault : handler.apply(request);
    }

    private static int checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return status;
    }
}
