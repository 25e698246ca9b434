package io.spotifyinsight.spotify.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DEBUG line per HTTP exchange: method, path, status, duration. Deliberately logs neither headers
 * (Authorization carries the token or the Basic-encoded secret) nor bodies nor the query.
 */
public final class RequestLoggingInterceptor implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger("io.spotifyinsight.spotify.http");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        long start = System.nanoTime();
        try {
            Response response = chain.proceed(request);
            if (log.isDebugEnabled()) {
                log.debug(
                        "{} {} -> {} in {} ms",
                        request.method(),
                        request.url().encodedPath(),
                        response.code(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            return response;
        } catch (IOException e) {
            log.debug(
                    "{} {} -> failed after {} ms: {}",
                    request.method(),
                    request.url().encodedPath(),
                    (System.nanoTime() - start) / 1_000_000,
                    e.toString());
            throw e;
        }
    }
}
