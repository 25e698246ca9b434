package io.spotifyinsight.sources.fake;

import io.spotifyinsight.spotify.fake.FakeCatalog;
import io.spotifyinsight.spotify.fake.Reply;
import io.spotifyinsight.spotify.fake.ReplyServer;
import io.spotifyinsight.spotify.fake.ServedFake;
import io.spotifyinsight.spotify.fake.ServerOptions;
import java.util.Objects;
import java.util.function.IntFunction;
import mockwebserver3.RecordedRequest;

/**
 * What the fakes of the recommendation sources share: injected faults answered before anything
 * else, in the fake's own error shape, the request log, and the options every one is built with.
 * Only this package's fakes extend it.
 */
public abstract class FakeSource implements ServedFake {

    private final String basePath;
    private final SourceServer server;

    /**
     * @param basePath what the real service's base URL has after the host, e.g. {@code /v1}
     * @param failure the fake's answer to an injected status, in its own error shape
     */
    FakeSource(String basePath, IntFunction<Reply> failure) {
        this.basePath = basePath;
        this.server = new SourceServer(failure, this::handle);
    }

    /** The fake's answer to a request no injected fault intercepted. */
    abstract Reply handle(RecordedRequest request);

    /**
     * Binds the fake's address; the last step of its constructor, once it can answer.
     *
     * @param name the vendor's name, for the error when the port is taken
     */
    final void listen(String name, Options<?> options) {
        http().start(name, options);
    }

    /**
     * The base URL as the client's config takes it, with the real service's path: e.g. {@code
     * http://127.0.0.1:PORT/v1} for ReccoBeats ({@code RECCOBEATS_API_URL} includes {@code /v1}, as
     * in {@code https://api.reccobeats.com/v1}), {@code /2.0/} for Last.fm, {@code /ws/2} for
     * MusicBrainz. 127.0.0.1 stands for a fake bound to 0.0.0.0.
     */
    public String url() {
        return http().origin() + basePath;
    }

    /** The fake's faults, answered before {@link #handle}. */
    final SourceServer server() {
        return server;
    }

    @Override
    public final ReplyServer http() {
        return server.http();
    }

    // ---- faults

    /** The next {@code n} requests get HTTP {@code status} with this fake's error body. */
    public void failNext(int n, int status) {
        server().failNext(n, status);
    }

    /** Every request gets HTTP {@code status} from now on; 0 turns it off. */
    public void alwaysFail(int status) {
        server().alwaysFail(status);
    }

    /** Removes queued faults and turns {@link #alwaysFail} off. */
    public void clearFaults() {
        server().clearFaults();
    }

    /**
     * The options every source fake takes; its builder's {@code start()} binds the fake.
     *
     * @param <B> the fake's builder, returned by every setter for chaining
     */
    public abstract static class Options<B extends Options<B>> extends ServerOptions<B> {

        final FakeCatalog catalog;

        Options(FakeCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
        }
    }
}
