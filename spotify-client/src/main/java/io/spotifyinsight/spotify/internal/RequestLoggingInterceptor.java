package io.spotifyinsight.spotify.internal;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DEBUG line per HTTP exchange: method, URL as the client may show it, status, duration; and the
 * {@code User-Agent} on every request when the client has one. Deliberately logs neither headers
 * (Authorization carries the token or the Basic-encoded secret) nor bodies.
 */
public final class RequestLoggingInterceptor implements Interceptor {

    private final Logger log;
    private final Function<HttpUrl, String> shownUrl;
    private final String userAgent;

    /**
     * @param loggerName e.g. {@code io.spotifyinsight.spotify.http}, to switch one client's lines
     *     on
     * @param shownUrl what a log line may show of a URL (a query may carry a key)
     * @param userAgent set on every request; null keeps OkHttp's
     */
    public RequestLoggingInterceptor(
            String loggerName, Function<HttpUrl, String> shownUrl, String userAgent) {
        this.log = LoggerFactory.getLogger(loggerName);
        this.shownUrl = Objects.requireNonNull(shownUrl, "shownUrl");
        this.userAgent = userAgent;
    }

    /** Spotify's: the path only, never the query. */
    public static RequestLoggingInterceptor spotify() {
        return new RequestLoggingInterceptor(
                "io.spotifyinsight.spotify.http", HttpUrl::encodedPath, null);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (userAgent != null) {
            request = request.newBuilder().header("User-Agent", userAgent).build();
        }
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            if (log.isDebugEnabled()) {
                log.debug(
                        "{} {} -> {} in {} ms",
                        request.method(),
                        shownUrl.apply(request.url()),
                        response.code(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            return response;
        } catch (IOException e) {
            if (log.isDebugEnabled()) {
                log.debug(
                        "{} {} -> failed after {} ms: {}",
                        request.method(),
                        shownUrl.apply(request.url()),
                        (System.nanoTime() - start) / 1_000_000,
                        e.toString());
            }
            throw e;
        }
    }
}
