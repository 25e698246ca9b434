package io.spotifyinsight.web.recommendation;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.spotifyinsight.persistence.Printable;
import io.spotifyinsight.persistence.recommendation.StoredDay;
import io.spotifyinsight.persistence.user.Usernames;
import io.spotifyinsight.web.error.ApiException;
import io.spotifyinsight.web.http.Freshness;
import io.spotifyinsight.web.playlist.JspfWriter;
import io.spotifyinsight.web.playlist.M3uWriter;
import io.spotifyinsight.web.playlist.Playlist;
import io.spotifyinsight.web.playlist.PlaylistWriter;
import io.spotifyinsight.web.playlist.XspfWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * HTTP for the lists: parameters, content negotiation ({@link Format}: JSON, CSV, or a playlist as
 * JSPF, XSPF or M3U8), ETag and Cache-Control. Errors stay problem documents whatever was asked for.
 *
 * <p>An invalid username (one the username rule makes impossible) is answered 404 "unknown user"
 * without a query: no such user can exist, and the client learns nothing it could not from a valid
 * but unknown name.
 */
public final class RecommendationController {
    public static final int MAX_RANGE_DAYS = 366;
    /**
     * Tracks one range answer may hold: 50 days of 100-track lists, about 1 MB of JSON. A year of
     * such lists (22 MB) built in memory per request would let a few clients exhaust the heap.
     */
    public static final int MAX_RANGE_TRACKS = 5_000;
    /**
     * Range requests answered at once; more wait for none and get 503. Each holds a pooled connection
     * while it reads up to {@link #MAX_RANGE_TRACKS} rows, and the pool must stay free for day
     * requests and {@code /health}.
     */
    public static final int MAX_CONCURRENT_RANGES = 2;
    private static final int RANGE_RETRY_AFTER_SECONDS = 1;
    private final Semaphore rangeSlots = new Semaphore(MAX_CONCURRENT_RANGES);
    private static final String PAST_CACHE_CONTROL = Freshness.PAST_DAY_CACHE_CONTROL;
    private static final String CURRENT_CACHE_CONTROL = Freshness.CURRENT_CACHE_CONTROL;

    private final RecommendationService service;
    private final JspfWriter jspf;
    private final XspfWriter xspf;
    private final M3uWriter m3u;

    /** The body of a range request: the lists that exist in the range, oldest first (days without one are absent). */
    public record RangeView(String username, LocalDate from, LocalDate to, List<DayView> days) {
    }

    public RecommendationController(RecommendationService service, JspfWriter jspf, XspfWriter xspf, M3uWriter m3u) {
        this.service = service;
        this.jspf = jspf;
        this.xspf = xspf;
        this.m3u = m3u;
    }

    /** GET /user-recommendations/{username}?date=YYYY-MM-DD|latest&amp;format=json|csv|jspf|xspf|m3u */
    public void day(Context ctx) {
        String username = knownShape(ctx.pathParam("username"));
        String rawDate = ctx.queryParam("date");
        LocalDate date;
        if (rawDate == null || rawDate.isEmpty()) {
            date = service.today();
        } else if (rawDate.equals("latest")) {
            date = null;
        } else {
            date = Dates.parse("date", rawDate, ", or 'latest' (default: today in the server's time zone)");
        }
        Format format = Format.negotiate(ctx.queryParam("format"), ctx.header("Accept"), Format.FOR_DAY);
        String cacheControl = date != null && service.isPast(date) ? PAST_CACHE_CONTROL : CURRENT_CACHE_CONTROL;
        ctx.header("Vary", "Accept");
        if (format == Format.JSPF || format == Format.XSPF || format == Format.M3U) {
            StoredDay stored = service.stored(username, date);
            export(ctx, format, () -> Playlist.ofDay(stored), RenderedDay.versionOf(stored), cacheControl,
                    username + "-" + stored.date());
            return;
        }
        if (format == Format.CSV) {
            var stored = service.stored(username, date);
            String etag = new RenderedDay(username, stored.date(), null, RenderedDay.versionOf(stored)).etag("csv");
            if (!notModified(ctx, etag, cacheControl)) {
                ctx.header("Content-Disposition", "inline; filename=\"recommendations-" + username + "-" + stored.date() + ".csv\"");
                ctx.contentType(DayCsv.CONTENT_TYPE).result(DayCsv.render(stored));
            }
            return;
        }
        RenderedDay day = service.rendered(username, date);
        if (!notModified(ctx, day.etag("json"), cacheControl)) {
            ctx.contentType("application/json").result(day.json());
        }
    }

    /**
     * GET /users/{username}/recommendations?from=YYYY-MM-DD&amp;to=YYYY-MM-DD&amp;format=json|jspf|xspf|m3u.
     * A playlist holds every list of the range in one track list, oldest day first.
     */
    public void range(Context ctx) {
        String username = knownShape(ctx.pathParam("username"));
        Format format = Format.negotiate(ctx.queryParam("format"), ctx.header("Accept"), Format.FOR_RANGE);
        String rawFrom = ctx.queryParam("from");
        String rawTo = ctx.queryParam("to");
        if (rawFrom == null || rawTo == null) {
            throw ApiException.badRequest("missing-parameter",
                    "from and to are required, both YYYY-MM-DD, at most " + MAX_RANGE_DAYS + " days apart");
        }
        LocalDate from = Dates.parse("from", rawFrom, "");
        LocalDate to = Dates.parse("to", rawTo, "");
        if (to.isBefore(from)) {
            throw ApiException.badRequest("invalid-range", "from (" + from + ") must not be after to (" + to + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_RANGE_DAYS) {
            throw ApiException.badRequest("range-too-large", "the range from " + from + " to " + to + " covers " + days
                    + " days; at most " + MAX_RANGE_DAYS + " are accepted");
        }
        if (!rangeSlots.tryAcquire()) {
            throw ApiException.busy(MAX_CONCURRENT_RANGES + " range requests are being answered; retry after "
                    + RANGE_RETRY_AFTER_SECONDS + " s", RANGE_RETRY_AFTER_SECONDS);
        }
        try {
            answerRange(ctx, username, format, from, to);
        } finally {
            rangeSlots.release();
        }
    }

    private void answerRange(Context ctx, String username, Format format, LocalDate from, LocalDate to) {
        int tracks = service.countTracks(username, from, to);
        if (tracks > MAX_RANGE_TRACKS) {
            throw ApiException.badRequest("range-too-large", "the lists from " + from + " to " + to + " hold " + tracks
                    + " tracks; one answer holds at most " + MAX_RANGE_TRACKS + ": ask for a shorter range");
        }
        String cacheControl = service.isPast(to) ? PAST_CACHE_CONTROL : CURRENT_CACHE_CONTROL;
        ctx.header("Vary", "Accept");
        if (format != Format.JSON) {
            List<StoredDay> stored = service.storedRange(username, from, to);
            export(ctx, format, () -> Playlist.ofRange(username, from, to, stored), RenderedDay.versionOf(stored),
                    cacheControl, username + "-" + from + "_" + to);
            return;
        }
        List<DayView> lists = service.range(username, from, to);
        ctx.header("Cache-Control", cacheControl);
        ctx.json(new RangeView(username, from, to, lists));
    }

    /**
     * A playlist download, or 304. The file name is safe to quote as it is: it is made of a username
     * (which {@link #knownShape} limited to a-z, 0-9, '.', '_', '-') and ISO dates.
     */
    private void export(Context ctx, Format format, Supplier<Playlist> playlist, String version, String cacheControl,
                        String fileName) {
        if (notModified(ctx, RenderedDay.etag(version, format.parameter), cacheControl)) {
            return;
        }
        PlaylistWriter writer = switch (format) {
            case JSPF -> jspf;
            case XSPF -> xspf;
            case M3U -> m3u;
            default -> throw new IllegalArgumentException(format + " is not a playlist format");
        };
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "." + writer.fileExtension() + "\"");
        String contentType = ctx.queryParam("format") == null
                ? format.contentType(ctx.header("Accept"), writer.contentType())
                : writer.contentType();
        ctx.contentType(contentType).result(writer.write(playlist.get()));
    }

    private static String knownShape(String username) {
        if (!Usernames.isValid(username)) {
            throw ApiException.unknownUser(Printable.of(username));
        }
        return username;
    }

    /** Sets the validators; answers 304 (and returns true) when the client already has this version. */
    private static boolean notModified(Context ctx, String etag, String cacheControl) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", cacheControl);
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return true;
        }
        return false;
    }

    /** Weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored; "*" matches any current list. */
    static boolean matches(String ifNoneMatch, String etag) {
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
