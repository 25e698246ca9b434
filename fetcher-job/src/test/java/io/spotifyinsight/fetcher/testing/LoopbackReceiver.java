package io.spotifyinsight.fetcher.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link Loopback#receiver()} started before each test and closed after it, with the HTTP client
 * the code under test sends with (shut down after the test), for tests of what a run reports:
 *
 * <pre>{@code
 * @RegisterExtension final LoopbackReceiver receiver = new LoopbackReceiver();
 * }</pre>
 */
public final class LoopbackReceiver implements BeforeEachCallback, AfterEachCallback {
    private final OkHttpClient http = new OkHttpClient();
    private MockWebServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server = Loopback.receiver();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    public MockWebServer server() {
        return server;
    }

    public OkHttpClient http() {
        return http;
    }

    /** Queues an empty answer with {@code status}. */
    public void answer(int status) {
        server.enqueue(new MockResponse.Builder().code(status).build());
    }

    /** The next request received, waiting up to 5 s; fails the test when none came. */
    public RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the receiver").isNotNull();
        return request;
    }
}
