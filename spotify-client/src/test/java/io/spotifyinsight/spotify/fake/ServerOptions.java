package io.spotifyinsight.spotify.fake;

import java.util.Objects;

/**
 * Where a fake listens, as every fake's builder takes it; {@link ReplyServer#start} binds there.
 * Public for the fakes of the recommendation sources.
 *
 * @param <B> the fake's builder, returned by every setter for chaining
 */
public abstract class ServerOptions<B extends ServerOptions<B>> {

    int port;
    String host = "127.0.0.1";

    /** 0 (default) picks a free port. */
    public final B port(int port) {
        this.port = port;
        return self();
    }

    /** Address to bind; default loopback {@code 127.0.0.1}, {@code 0.0.0.0} for containers. */
    public final B host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return self();
    }

    @SuppressWarnings("unchecked") // B is the fake's builder by the class's contract
    private B self() {
        return (B) this;
    }
}
