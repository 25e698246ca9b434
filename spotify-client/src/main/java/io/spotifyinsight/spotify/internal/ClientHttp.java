package io.spotifyinsight.spotify.internal;

import java.time.Duration;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The {@link OkHttpClient} one API client calls through: derived from the application's shared
 * client (its connection pool and dispatcher are reused) with this client's timeouts and
 * interceptors, or from a client of its own when none is shared. {@link #close()} releases the
 * resources only in the second case, so a shared client stays usable.
 *
 * @param owned whether this object created the client and so releases it
 */
public record ClientHttp(OkHttpClient client, boolean owned) implements AutoCloseable {

    /**
     * @param shared the application's client, or null to create one
     * @param interceptors application interceptors, in the order they run
     */
    public static ClientHttp derive(
            OkHttpClient shared,
            Duration connectTimeout,
            Duration readTimeout,
            Duration callTimeout,
            List<Interceptor> interceptors) {
        boolean owned = shared == null;
        OkHttpClient.Builder builder =
                (owned ? new OkHttpClient() : shared)
                        .newBuilder()
                        .connectTimeout(connectTimeout)
                        .readTimeout(readTimeout)
                        .writeTimeout(readTimeout)
                        .callTimeout(callTimeout);
        interceptors.forEach(builder::addInterceptor);
        return new ClientHttp(builder.build(), owned);
    }

    /** Releases the HTTP resources if this object created them. */
    @Override
    public void close() {
        if (owned) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }
}
