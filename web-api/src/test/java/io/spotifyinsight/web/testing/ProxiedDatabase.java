package io.spotifyinsight.web.testing;

import io.spotifyinsight.persistence.testing.TcpProxy;
import io.spotifyinsight.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * A test database behind a {@link TcpProxy} that a test cuts and restores, and the environment that
 * points a server at the database through it.
 */
public final class ProxiedDatabase implements AutoCloseable {
    private final TcpProxy proxy;
    private final Map<String, String> env;

    private ProxiedDatabase(TcpProxy proxy, Map<String, String> env) {
        this.proxy = proxy;
        this.env = env;
    }

    public static ProxiedDatabase inFrontOf(TestDatabase db) throws IOException {
        URI target = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort());
        Map<String, String> env = new HashMap<>(db.env());
        env.put(
                "DATABASE_URL",
                db.jdbcUrl()
                        .replace(
                                target.getHost() + ":" + target.getPort(),
                                "127.0.0.1:" + proxy.port()));
        return new ProxiedDatabase(proxy, Map.copyOf(env));
    }

    /** DATABASE_* through the proxy. */
    public Map<String, String> env() {
        return env;
    }

    /** Drops every connection and refuses new ones, as a database that went away. */
    public void cut() throws IOException {
        proxy.cut();
    }

    /** Lets connections through again. */
    public void restore() throws IOException {
        proxy.restore();
    }

    @Override
    public void close() throws IOException {
        proxy.close();
    }
}
