package io.spotifyinsight.fetcher.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Receivers for what a run reports (webhooks, a Pushgateway), on 127.0.0.1 only. */
public final class Loopback {
    private Loopback() {}

    /** A started receiver that answers what the test enqueues; the test closes it. */
    public static MockWebServer receiver() throws IOException {
        MockWebServer server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    /**
     * A started receiver that answers 200 to every request at once (the default dispatcher would
     * wait for an enqueued answer).
     */
    public static MockWebServer receiverAnsweringOk() throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(
                new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        return new MockResponse.Builder().code(200).build();
                    }
                });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        return server;
    }

    /** A port nothing listens on a moment ago: a connection to it is refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
