package io.spotifyinsight.web.http;

import java.time.Duration;

/**
 * How stale an answer about a past day may be. A past day is not frozen: an operator may re-fetch
 * it with {@code run --date}, and the new list must show within {@link #SERVER_CACHE} everywhere
 * (JSON, CSV, pages, exports), while a shared cache may keep it at most {@link
 * #PAST_DAY_CACHE_CONTROL}'s 60 s before asking again. A client revalidating with an old ETag gets
 * the new list: ETags derive from the stored list's version, which a re-fetch changes.
 */
public final class Freshness {
    /** How long the server keeps a rendered past day (JSON or page) without reading it again. */
    public static final Duration SERVER_CACHE = Duration.ofSeconds(10);

    /** Past days, for browsers and shared caches. */
    public static final String PAST_DAY_CACHE_CONTROL = "public, max-age=60";

    /** Today's and "latest": the nightly run replaces them, so always revalidate. */
    public static final String CURRENT_CACHE_CONTROL = "no-cache";

    private Freshness() {}
}
