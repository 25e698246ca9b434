package io.spotifyinsight.web.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane (so ids can be
 * followed across services), else a new one. It is echoed in the response header, put in the
 * logging MDC under {@code requestId}, and carried by every problem body.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = "spotifyinsight.requestId";

    /**
     * What we accept from outside: short, printable, no spaces, nothing that could forge a log
     * line.
     */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {}

    /** A before-handler. */
    public static void assign(Context ctx) {
        String incoming = ctx.header(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : newId();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /**
     * A random (version 4 shaped) UUID from {@link ThreadLocalRandom}: an id only has to be unique
     * enough to find a request's log lines, and {@code UUID.randomUUID()} takes SecureRandom's lock
     * on every request, which all worker threads contend for.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** Called once the response is complete: the worker thread goes back to the pool. */
    public static void release() {
        MDC.remove(MDC_KEY);
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id != null ? id : "none";
    }

    /**
     * The request path as it may appear in a log line or message: shortened, control characters
     * replaced.
     */
    public static String printablePath(Context ctx) {
        String path = ctx.path();
        StringBuilder out = new StringBuilder(Math.min(path.length(), 120));
        for (int i = 0; i < path.length() && out.length() < 100; i++) {
            char c = path.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (path.length() > 100) {
            out.append("...");
        }
        return out.toString();
    }
}
