package io.spotifyinsight.web.page;

import io.javalin.http.Context;
import io.spotifyinsight.persistence.Printable;
import io.spotifyinsight.persistence.knowledge.ArtistKnowledge;
import io.spotifyinsight.persistence.knowledge.SeedKnowledgeRepository;
import io.spotifyinsight.persistence.knowledge.TrackKnowledge;
import io.spotifyinsight.persistence.recommendation.DayLookup;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.StoredDay;
import io.spotifyinsight.persistence.user.Seeds;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.persistence.user.UserRepository;
import io.spotifyinsight.persistence.user.Usernames;
import io.spotifyinsight.web.docs.DocsController;
import io.spotifyinsight.web.error.ApiException;
import io.spotifyinsight.web.http.RenderedCache;
import io.spotifyinsight.web.http.RenderedCache.Bounds;
import io.spotifyinsight.web.recommendation.Dates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTML pages, server-rendered from the same tables as the API: {@code /} (every active alias
 * with its newest list) and {@code /u/{username}[/{date}]} (one list). An unknown alias or a day
 * without a list is a 404 page, a malformed date a 400 page, each saying which and linking back;
 * other failures (database away) become HTML pages in the {@link
 * io.spotifyinsight.web.error.ErrorMapper}. Pages are never cached by shared caches: their day
 * links change when a new list arrives; the server keeps rendered pages of past days for {@link
 * io.spotifyinsight.web.http.Freshness#SERVER_CACHE}.
 */
public final class PageController {
    static final int MOSAIC_COVERS = 4;

    /** Seed knowledge of any age names a seed: names rarely change, and a page only shows them. */
    private static final OffsetDateTime ANY_AGE =
            OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** Only our stylesheet and the cover CDN; no script at all, no frames, no forms. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self' "
                    + Covers.CDN_ORIGIN
                    + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Pages pages;
    private final UserRepository users;
    private final RecommendationRepository recommendations;
    private final SeedKnowledgeRepository seeds;

    /** In the server's time zone. */
    private final Clock clock;

    private final RenderedCache<byte[]> cache;
    private final byte[] stylesheet = DocsController.resource("/web/assets/site.css");
    private final byte[] icon = DocsController.resource("/web/assets/icon.svg");

    /**
     * @param cache the bounds of the rendered pages of past days; only their bytes count, as a
     *     page's size varies with its list
     */
    public PageController(
            Pages pages,
            UserRepository users,
            RecommendationRepository recommendations,
            SeedKnowledgeRepository seeds,
            Clock clock,
            Bounds cache) {
        this.pages = pages;
        this.users = users;
        this.recommendations = recommendations;
        this.seeds = seeds;
        this.clock = clock;
        this.cache = new RenderedCache<>(cache.bytesOnly(), html -> html.length);
    }

    /** The page cache, for {@code /metrics}. */
    public RenderedCache<byte[]> cache() {
        return cache;
    }

    /**
     * Marks a request as a page request, so that its errors are answered as pages too; the policy
     * is set here, before any handler, so that those error pages carry it as well.
     */
    public static void markAsPage(Context ctx) {
        ctx.attribute(PAGE_ATTRIBUTE, Boolean.TRUE);
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    public static boolean isPage(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(PAGE_ATTRIBUTE));
    }

    private static final String PAGE_ATTRIBUTE = "spotify-insight.page";

    /**
     * GET /assets/site.css: the pages' only stylesheet; cached for an hour (it changes with a
     * release).
     */
    public void stylesheet(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType("text/css; charset=utf-8").result(stylesheet);
    }

    /**
     * GET /assets/icon.svg: the pages' icon; linked from every page, so browsers don't ask for
     * /favicon.ico.
     */
    public void icon(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType("image/svg+xml").result(icon);
    }

    /** GET / */
    public void home(Context ctx) {
        Map<String, LocalDate> latest = recommendations.latestDates();
        List<HomePage.AliasCard> cards = new ArrayList<>();
        for (UserAlias alias : users.listActive()) {
            String username = alias.settings().username();
            LocalDate date = latest.get(username);
            Optional<StoredDay> day =
                    date == null
                            ? Optional.empty()
                            : found(recommendations.findDay(username, date));
            cards.add(
                    day.map(d -> card(d))
                            .orElseGet(
                                    () ->
                                            new HomePage.AliasCard(
                                                    username, null, 0, null, List.of())));
        }
        send(ctx, 200, pages.home(new HomePage(cards)).getBytes(StandardCharsets.UTF_8));
    }

    /** GET /u/{username}: the newest list. */
    public void latest(Context ctx) {
        String username = ctx.pathParam("username");
        if (!Usernames.isValid(username)) {
            unknownAlias(ctx, username);
            return;
        }
        respond(ctx, username, null, recommendations.findLatest(username));
    }

    /** GET /u/{username}/{date} */
    public void day(Context ctx) {
        String username = ctx.pathParam("username");
        String rawDate = ctx.pathParam("date");
        LocalDate date;
        try {
            date = Dates.parse("date", rawDate, "");
        } catch (ApiException e) {
            error(
                    ctx,
                    new ErrorPage(
                            400,
                            "Not a date",
                            "'"
                                    + printable(rawDate)
                                    + "' is not a date. Dates are "
                                    + "written YYYY-MM-DD, for example /u/"
                                    + (Usernames.isValid(username) ? username : "alice")
                                    + "/2026-11-24.",
                            back(username),
                            backLabel(username)));
            return;
        }
        if (!Usernames.isValid(username)) {
            unknownAlias(ctx, username);
            return;
        }
        boolean past = date.isBefore(LocalDate.now(clock));
        byte[] cached = past ? cache.get(username, date) : null;
        if (cached != null) {
            send(ctx, 200, cached);
            return;
        }
        respond(ctx, username, date, recommendations.findDay(username, date));
    }

    private void respond(Context ctx, String username, LocalDate date, DayLookup lookup) {
        if (lookup instanceof DayLookup.Found found) {
            StoredDay day = found.day();
            UserAlias alias = users.find(username).orElse(null);
            DayPage page =
                    DayPage.of(
                            day,
                            seedNames(alias),
                            recommendations.dates(username),
                            clock.getZone());
            byte[] html = pages.day(page).getBytes(StandardCharsets.UTF_8);
            if (date != null && date.isBefore(LocalDate.now(clock))) {
                cache.put(username, date, html);
            }
            send(ctx, 200, html);
        } else if (lookup instanceof DayLookup.NoList) {
            String detail =
                    date == null
                            ? "The alias "
                                    + username
                                    + " has no list yet: the fetcher stores one on its next run."
                            : "The alias " + username + " has no list for " + date + ".";
            error(
                    ctx,
                    new ErrorPage(
                            404,
                            "No list for this day",
                            detail,
                            "/u/" + username,
                            date == null ? "All lists" : "The newest list of " + username));
        } else {
            unknownAlias(ctx, username);
        }
    }

    private void unknownAlias(Context ctx, String username) {
        error(
                ctx,
                new ErrorPage(
                        404,
                        "Unknown alias",
                        "There is no alias named '" + printable(username) + "'.",
                        "/",
                        "All lists"));
    }

    private void error(Context ctx, ErrorPage page) {
        // an error page is never kept as if it were the list
        ctx.header("Cache-Control", "no-store");
        send(ctx, page.status(), pages.error(page).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Context ctx, int status, byte[] html) {
        if (ctx.res().getHeader("Cache-Control") == null) {
            ctx.header("Cache-Control", "no-cache");
        }
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    private DayPage.Seeds seedNames(UserAlias alias) {
        if (alias == null) {
            return new DayPage.Seeds(List.of(), List.of(), List.of());
        }
        Seeds s = alias.settings().seeds();
        Map<String, ArtistKnowledge> artists = seeds.artists(s.artists(), ANY_AGE);
        Map<String, TrackKnowledge> tracks = seeds.tracks(s.tracks(), ANY_AGE);
        return new DayPage.Seeds(
                s.artists().stream()
                        .map(id -> artists.containsKey(id) ? artists.get(id).name() : id)
                        .toList(),
                s.genres(),
                s.tracks().stream()
                        .map(id -> tracks.containsKey(id) ? trackName(tracks.get(id)) : id)
                        .toList());
    }

    private static String trackName(TrackKnowledge track) {
        return track.artists().isEmpty()
                ? track.name()
                : track.name() + " (" + track.artists().get(0).name() + ")";
    }

    private static HomePage.AliasCard card(StoredDay day) {
        List<String> covers =
                day.tracks().stream()
                        .map(RecommendedTrack::track)
                        .map(t -> t.album() == null ? null : Covers.safe(t.album().imageUrl()))
                        .filter(Objects::nonNull)
                        .distinct()
                        .limit(MOSAIC_COVERS)
                        .toList();
        return new HomePage.AliasCard(
                day.username(), day.date(), day.tracks().size(), day.strategy().dbValue(), covers);
    }

    private static Optional<StoredDay> found(DayLookup lookup) {
        return lookup instanceof DayLookup.Found f ? Optional.of(f.day()) : Optional.empty();
    }

    private static String back(String username) {
        return Usernames.isValid(username) ? "/u/" + username : "/";
    }

    private static String backLabel(String username) {
        return Usernames.isValid(username) ? "The newest list of " + username : "All lists";
    }

    /**
     * What the client sent, shortened and without control characters, for a message (the template
     * escapes it).
     */
    private static String printable(String text) {
        return Printable.of(text);
    }
}
