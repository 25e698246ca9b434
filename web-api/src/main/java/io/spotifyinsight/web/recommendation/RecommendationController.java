package io.spotifyinsight.web.recommendation;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.spotifyinsight.persistence.Printable;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository.DayStream;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository.DaySummary;
import io.spotifyinsight.persistence.recommendation.StoredDay;
import io.spotifyinsight.persistence.user.Usernames;
import io.spotifyinsight.web.error.ApiException;
import io.spotifyinsight.web.http.Freshness;
import io.spotifyinsight.web.http.RequestIds;
import io.spotifyinsight.web.playlist.JspfWriter;
import io.spotifyinsight.web.playlist.M3uWriter;
import io.spotifyinsight.web.playlist.Playlist;
import io.spotifyinsight.web.playlist.PlaylistWriter;
import io.spotifyinsight.web.playlist.XspfWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP for the lists: parameters, content negotiation ({@link Format}: JSON, CSV, or a playlist as
 * JSPF, XSPF or M3U8), ETag and Cache-Control. Errors stay problem documents whatever was asked
 * for.
 *
 * <p>An invalid username (one the username rule makes impossible) is answered 404 "unknown user"
 * without a query: no such user can exist, and the client learns nothing it could not from a valid
 * but unknown name.
 */
public final class RecommendationController {
    private static final Logger LOG = LoggerFactory.getLogger(RecommendationController.class);
    public static final int MAX_RANGE_DAYS = 366;

    /**
     * Tracks one range answer may hold: 50 days of 100-track lists, about 1 MB of JSON. A year of
     * such lists (22 MB) built in memory per request would let a few clients exhaust the heap.
     */
    public static final int MAX_RANGE_TRACKS = 5_000;

    /**
     * Range requests answered at once; more wait for none and get 503. Each holds a pooled
     * connection while it reads up to {@link #MAX_RANGE_TRACKS} rows, and the pool must stay free
     * for day requests and {@code /health}.
     */
    public static final int MAX_CONCURRENT_RANGES = 2;

    private static final int RANGE_RETRY_AFTER_SECONDS = 1;
    private final Semaphore rangeSlots = new Semaphore(MAX_CONCURRENT_RANGES);
    private static final String PAST_CACHE_CONTROL = Freshness.PAST_DAY_CACHE_CONTROL;
    private static final String CURRENT_CACHE_CONTROL = Freshness.CURRENT_CACHE_CONTROL;

    private final RecommendationService service;

    /** The playlist formats, each with its writer. */
    private final Map<Format, PlaylistWriter> playlists;

    public RecommendationController(
            RecommendationService service, JspfWriter jspf, XspfWriter xspf, M3uWriter m3u) {
        this.service = service;
        this.playlists = Map.of(Format.JSPF, jspf, Format.XSPF, xspf, Format.M3U, m3u);
    }

    /**
     * GET /user-recommendations/{username}?date=YYYY-MM-DD|latest&amp;format=json|csv|jspf|xspf|m3u
     */
    public void day(Context ctx) {
        String username = knownShape(ctx.pathParam("username"));
        String rawDate = ctx.queryParam("date");
        LocalDate date;
        if (rawDate == null || rawDate.isEmpty()) {
            date = service.today();
        } else if (rawDate.equals("latest")) {
            date = null;
        } else {
            date =
                    Dates.parse(
                            "date",
                            rawDate,
                            ", or 'latest' (default: today in the server's time zone)");
        }
        Format format =
                Format.negotiate(ctx.queryParam("format"), ctx.header("Accept"), Format.FOR_DAY);
        String cacheControl =
                date != null && service.isPast(date) ? PAST_CACHE_CONTROL : CURRENT_CACHE_CONTROL;
        ctx.header("Vary", "Accept");
        if (playlists.containsKey(format)) {
            StoredDay stored = service.stored(username, date);
            export(
                    ctx,
                    format,
                    () -> Playlist.ofDay(stored),
                    RenderedDay.versionOf(stored),
                    cacheControl,
                    username + "-" + stored.date());
            return;
        }
        if (format == Format.CSV) {
            var stored = service.stored(username, date);
            String etag =
                    new RenderedDay(username, stored.date(), null, RenderedDay.versionOf(stored))
                            .etag("csv");
            if (!notModified(ctx, etag, cacheControl)) {
                ctx.header(
                        "Content-Disposition",
                        "inline; filename=\"recommendations-"
                                + username
                                + "-"
                                + stored.date()
                                + ".csv\"");
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
     * {@code GET /users/{username}/recommendations?from=YYYY-MM-DD&to=YYYY-MM-DD&format=F}, F one
     * of json, jspf, xspf, m3u. A playlist holds every list of the range in one track list, oldest
     * day first.
     */
    public void range(Context ctx) {
        String username = knownShape(ctx.pathParam("username"));
        Format format =
                Format.negotiate(ctx.queryParam("format"), ctx.header("Accept"), Format.FOR_RANGE);
        String rawFrom = ctx.queryParam("from");
        String rawTo = ctx.queryParam("to");
        if (rawFrom == null || rawTo == null) {
            throw ApiException.badRequest(
                    "missing-parameter",
                    "from and to are required, both YYYY-MM-DD, at most "
                            + MAX_RANGE_DAYS
                            + " days apart");
        }
        LocalDate from = Dates.parse("from", rawFrom, "");
        LocalDate to = Dates.parse("to", rawTo, "");
        if (to.isBefore(from)) {
            throw ApiException.badRequest(
                    "invalid-range", "from (" + from + ") must not be after to (" + to + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_RANGE_DAYS) {
            throw ApiException.badRequest(
                    "range-too-large",
                    "the range from "
                            + from
                            + " to "
                            + to
                            + " covers "
                            + days
                            + " days; at most "
                            + MAX_RANGE_DAYS
                            + " are accepted");
        }
        if (!rangeSlots.tryAcquire()) {
            throw ApiException.busy(
                    MAX_CONCURRENT_RANGES
                            + " range requests are being answered; retry after "
                            + RANGE_RETRY_AFTER_SECONDS
                            + " s",
                    RANGE_RETRY_AFTER_SECONDS);
        }
        try {
            answerRange(ctx, username, format, from, to);
        } finally {
            rangeSlots.release();
        }
    }

    /**
     * Streams the range: the summaries (one row per day) decide the 400, the ETag and a 304 before
     * anything is written; then the days are read one at a time from a cursor and written as they
     * come, so a request holds one day's list in memory, not up to {@link #MAX_RANGE_TRACKS}
     * tracks. The read transaction (and its pooled connection, and this request's range slot) lasts
     * until the last byte is handed to Jetty; a slow client is cut off by the minimum response data
     * rate and the idle timeout, which bound how long that can be.
     *
     * <p>An error before the response is committed (the first buffer sent) is still a problem
     * document. After that the status line is gone: the connection is aborted, so the client sees a
     * broken answer rather than a complete-looking one.
     */
    private void answerRange(
            Context ctx, String username, Format format, LocalDate from, LocalDate to) {
        try {
            service.readRange(
                    username,
                    from,
                    to,
                    (days, lists) -> {
                        int tracks = days.stream().mapToInt(DaySummary::tracks).sum();
                        if (tracks > MAX_RANGE_TRACKS) {
                            throw ApiException.badRequest(
                                    "range-too-large",
                                    "the lists from "
                                            + from
                                            + " to "
                                            + to
                                            + " hold "
                                            + tracks
                                            + " tracks; one answer holds at most "
                                            + MAX_RANGE_TRACKS
                                            + ": ask for a shorter range");
                        }
                        String cacheControl =
                                service.isPast(to) ? PAST_CACHE_CONTROL : CURRENT_CACHE_CONTROL;
                        ctx.header("Vary", "Accept");
                        try {
                            if (format != Format.JSON) {
                                exportRange(
                                        ctx, format, username, from, to, days, lists, cacheControl);
                            } else {
                                ctx.header("Cache-Control", cacheControl);
                                ctx.contentType("application/json");
                                service.writeRangeJson(
                                        username, from, to, lists, ctx.outputStream());
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return null;
                    });
        } catch (RuntimeException e) {
            if (!ctx.res().isCommitted()) {
                // nothing has left: what was buffered goes, and the error is answered as usual
                ctx.res().resetBuffer();
                ctx.res().setHeader("Content-Disposition", null);
                throw e;
            }
            abort(ctx, e);
        }
    }

    private void exportRange(
            Context ctx,
            Format format,
            String username,
            LocalDate from,
            LocalDate to,
            List<DaySummary> days,
            DayStream lists,
            String cacheControl)
            throws IOException {
        if (notModified(
                ctx,
                RenderedDay.etag(RenderedDay.rangeVersionOf(days), format.parameter),
                cacheControl)) {
            return;
        }
        Instant created =
                days.stream()
                        .map(day -> day.fetchedAt().toInstant())
                        .max(Comparator.naturalOrder())
                        .orElse(null);
        PlaylistWriter writer = playlistHeaders(ctx, format, username + "-" + from + "_" + to);
        writer.write(
                Playlist.rangeHead(username, from, to, days.size(), created),
                each -> lists.forEachDay(day -> Playlist.tracksOf(day).forEach(each)),
                ctx.outputStream());
    }

    /**
     * An answer that failed after its first bytes were sent. A write that failed (the client went
     * away, or was cut off for reading too slowly) has already failed the response in Jetty;
     * anything else (the database, mid-stream) aborts the connection, which Javalin then reports as
     * well.
     */
    private static void abort(Context ctx, RuntimeException e) {
        if (e instanceof UncheckedIOException) {
            LOG.debug(
                    "{} {}: the client went away during the answer: {}",
                    ctx.method(),
                    RequestIds.printablePath(ctx),
                    e.getMessage());
            return;
        }
        LOG.warn(
                "{} {}: the answer failed after it began; connection aborted: {}",
                ctx.method(),
                RequestIds.printablePath(ctx),
                e.toString());
        ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(e);
    }

    /**
     * A playlist download, or 304. The file name is safe to quote as it is: it is made of a
     * username (which {@link #knownShape} limited to a-z, 0-9, '.', '_', '-') and ISO dates.
     */
    private void export(
            Context ctx,
            Format format,
            Supplier<Playlist> playlist,
            String version,
            String cacheControl,
            String fileName) {
        if (notModified(ctx, RenderedDay.etag(version, format.parameter), cacheControl)) {
            return;
        }
        PlaylistWriter writer = playlistHeaders(ctx, format, fileName);
        ctx.result(writer.write(playlist.get()));
    }

    /**
     * The writer for {@code format}, with the download's Content-Disposition and Content-Type set.
     */
    private PlaylistWriter playlistHeaders(Context ctx, Format format, String fileName) {
        PlaylistWriter writer = playlists.get(format);
        if (writer == null) {
            throw new IllegalArgumentException(format + " is not a playlist format");
        }
        ctx.header(
                "Content-Disposition",
                "attachment; filename=\"" + fileName + "." + writer.fileExtension() + "\"");
        String contentType =
                ctx.queryParam("format") == null
                        ? format.contentType(ctx.header("Accept"), writer.contentType())
                        : writer.contentType();
        ctx.contentType(contentType);
        return writer;
    }

    private static String knownShape(String username) {
        if (!Usernames.isValid(username)) {
            throw ApiException.unknownUser(Printable.of(username));
        }
        return username;
    }

    /**
     * Sets the validators; answers 304 (and returns true) when the client already has this version.
     */
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
