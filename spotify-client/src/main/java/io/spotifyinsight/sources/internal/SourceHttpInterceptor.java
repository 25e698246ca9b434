package io.spotifyinsight.sources.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the {@code User-Agent} on every request and writes one DEBUG line per exchange (method, URL
 * with {@code api_key} masked, status, duration). Never logs headers or bodies.
 */
final class SourceHttpInterceptor implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger("io.spotifyinsight.sources.http");

    private final String userAgent;

    SourceHttpInterceptor(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request().newBuilder().header("User-Agent", userAgent).build();
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            if (log.isDebugEnabled()) {
                log.debug(
                        "{} {} -> {} in {} ms",
                        request.method(),
                        Redaction.forLog(request.url()),
                        response.code(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            return response;
        } catch (IOException e) {
            if (log.isDebugEnabled()) {
                log.debug(
                        "{} {} -> failed after {} ms: {}",
                        request.method(),
                        Redaction.forLog(request.url()),
                        (System.nanoTime() - start) / 1_000_000,
                        e.toString());
            }
            throw e;
        }
    }
}
