package io.spotifyinsight.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.web.testing.PageFixtures;
import io.spotifyinsight.web.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pages' HTML, checked without a browser: real server, real PostgreSQL, parsed with jsoup. */
class PagesTest {
    @RegisterExtension
    static final TestServer server = TestServer.withDatabase(PageFixtures::store);

    static final TestDatabase db = server.database();

    @Test
    void frontPage_listsEveryActiveAliasWithItsNewestList() throws IOException {
        Document page = page("/", 200);
        Elements aliases = page.select("ul.aliases > li.alias");
        assertThat(aliases.eachText()).hasSize(2);
        Element alice = aliases.get(0);
        assertThat(alice.selectFirst("a.alias-link").attr("href")).isEqualTo("/u/alice");
        assertThat(alice.selectFirst(".alias-meta").text())
                .isEqualTo("5 tracks · " + PageFixtures.SHORT_DAY + " · blend");
        // the newest list has two covers on the CDN (one is elsewhere, one track has no album)
        assertThat(alice.select(".mosaic img"))
                .hasSize(2)
                .allSatisfy(img -> assertThat(img.attr("src")).startsWith("https://i.scdn.co/"));
        assertThat(aliases.get(1).text()).isEqualTo("bob no list yet");
        assertThat(page.text()).doesNotContain("carol");
    }

    @Test
    void aliasPage_showsTheNewestListWithItsSeedsByName() throws IOException {
        Document page = page("/u/alice", 200);
        assertThat(page.select("h1").eachText()).containsExactly("alice");
        assertThat(page.selectFirst(".day-date time").attr("datetime"))
                .isEqualTo(PageFixtures.SHORT_DAY.toString());
        assertThat(facts(page))
                .contains(
                        "Seed artists " + PageFixtures.SEED_ARTIST_NAME,
                        "Seed genres hip-hop",
                        "Seed tracks "
                                + PageFixtures.SEED_TRACK_NAME
                                + " ("
                                + PageFixtures.SEED_ARTIST_NAME
                                + ")",
                        "Strategy blend",
                        "Fetched 2026-03-08 03:15 UTC");
        assertThat(page.select("ol.tracks > li.track")).hasSize(5);
    }

    @Test
    void textFromSourcesIsEscaped_andShowsAsText() throws IOException {
        Response response = server.get("/u/alice/" + PageFixtures.SHORT_DAY);
        String html = response.body().string();
        assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x");
        Document page = Jsoup.parse(html);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("[onerror]")).isEmpty();
        Element first = page.selectFirst("ol.tracks > li.track");
        assertThat(first.selectFirst(".title a").text()).isEqualTo(PageFixtures.HOSTILE_TITLE);
        assertThat(first.selectFirst(".artists").text()).isEqualTo("<img src=x onerror=alert(2)>");
        assertThat(first.selectFirst(".album").text()).isEqualTo("<b>bold</b> album · 2001");
    }

    @Test
    void eachTrackRow_hasCoverTitleLinkArtistsAlbumDurationExplicitSourceAndReason()
            throws IOException {
        Document page = page("/u/alice/" + PageFixtures.SHORT_DAY, 200);
        Elements rows = page.select("ol.tracks > li.track");
        Element hostile = rows.get(0);
        assertThat(hostile.selectFirst(".title a").attr("href"))
                .startsWith("https://open.spotify.com/track/");
        assertThat(hostile.select(".explicit")).hasSize(1);
        assertThat(hostile.selectFirst(".duration").text()).isEqualTo("1:01");
        assertThat(hostile.selectFirst(".why").text())
                .isEqualTo("ReccoBeats similar to your seed track 'Teardrop' (ReccoBeats)");
        Element img = hostile.selectFirst(".cover img");
        assertThat(img.attr("width")).isEqualTo("64");
        assertThat(img.attr("height")).isEqualTo("64");
        assertThat(img.attr("loading")).isEqualTo("lazy");
        assertThat(img.attr("alt")).startsWith("Cover of ");

        Element offCdn = rows.get(1);
        assertThat(offCdn.select(".cover img")).as("a cover off the CDN is not linked").isEmpty();
        assertThat(offCdn.select(".cover")).hasSize(1);
        assertThat(offCdn.selectFirst(".duration").text()).isEqualTo("1:02:05");
        assertThat(offCdn.select(".explicit")).isEmpty();
        assertThat(offCdn.selectFirst(".why").text())
                .isEqualTo("Last.fm Last.fm: similar to Portishead");

        Element noAlbum = rows.get(2);
        assertThat(noAlbum.select(".album")).isEmpty();
        assertThat(noAlbum.select(".cover img")).isEmpty();
        assertThat(rows.get(3).selectFirst(".why .source").text()).isEqualTo("Spotify search");
    }

    @Test
    void dayPage_linksToTheNeighbouringDays_theMonth_andTheExports() throws IOException {
        Document page = page("/u/alice/" + PageFixtures.FULL_DAY, 200);
        assertThat(page.select("ol.tracks > li.track")).hasSize(20);
        assertThat(page.selectFirst("a[rel=prev]").attr("href"))
                .isEqualTo("/u/alice/" + PageFixtures.OLD_DAY);
        assertThat(page.selectFirst("a[rel=next]").attr("href"))
                .isEqualTo("/u/alice/" + PageFixtures.SHORT_DAY);
        Element month = page.selectFirst(".month");
        assertThat(month.selectFirst("h2").text()).isEqualTo("March 2026");
        assertThat(month.select("td a").eachAttr("href"))
                .containsExactly("/u/alice/" + PageFixtures.SHORT_DAY);
        assertThat(month.selectFirst("[aria-current=date]").text())
                .isEqualTo(Integer.toString(PageFixtures.FULL_DAY.getDayOfMonth()));
        assertThat(month.select("tbody tr"))
                .allSatisfy(week -> assertThat(week.select("td")).hasSize(7));
        assertThat(month.select(".months a").eachAttr("href"))
                .containsExactly("/u/alice/" + PageFixtures.OLD_DAY);
        assertThat(page.select(".exports a").eachAttr("href"))
                .containsExactly(
                        "/user-recommendations/alice?date="
                                + PageFixtures.FULL_DAY
                                + "&format=jspf",
                        "/user-recommendations/alice?date="
                                + PageFixtures.FULL_DAY
                                + "&format=xspf",
                        "/user-recommendations/alice?date=" + PageFixtures.FULL_DAY + "&format=m3u",
                        "/user-recommendations/alice?date=" + PageFixtures.FULL_DAY + "&format=csv",
                        "/user-recommendations/alice?date="
                                + PageFixtures.FULL_DAY
                                + "&format=json");
        Document newest = page("/u/alice/" + PageFixtures.SHORT_DAY, 200);
        assertThat(newest.select("a[rel=next]")).isEmpty();
        assertThat(newest.select(".days .none").eachText()).containsExactly("no later list");
    }

    @Test
    void aTwentyTrackPage_isUnder30Kilobytes() throws IOException {
        try (Response response = server.get("/u/alice/" + PageFixtures.FULL_DAY)) {
            assertThat(response.body().bytes().length).isLessThan(30 * 1024);
        }
    }

    @Test
    void pagesAreAccessible_oneH1_sectionsWithHeadings_altTextEverywhere_aLanguage()
            throws IOException {
        for (String path :
                new String[] {"/", "/u/alice", "/u/alice/" + PageFixtures.FULL_DAY, "/u/nobody"}) {
            Document page = page(path, path.equals("/u/nobody") ? 404 : 200);
            assertThat(page.select("html").attr("lang")).as(path).isEqualTo("en");
            assertThat(page.select("h1")).as(path).hasSize(1);
            assertThat(page.select("main")).as(path).hasSize(1);
            assertThat(page.select("img"))
                    .as(path)
                    .allSatisfy(img -> assertThat(img.hasAttr("alt")).isTrue());
            assertThat(page.select("section[aria-labelledby]"))
                    .as(path)
                    .allSatisfy(
                            section ->
                                    assertThat(page.getElementById(section.attr("aria-labelledby")))
                                            .isNotNull());
            assertThat(page.select("meta[name=viewport]")).as(path).hasSize(1);
            assertThat(page.select("a[href=/docs]")).as(path).hasSize(1);
        }
    }

    @Test
    void pagesAllowOnlyOurOwnResourcesAndTheCoverCdn() throws IOException {
        try (Response response = server.get("/u/alice")) {
            String csp = response.header("Content-Security-Policy");
            assertThat(csp)
                    .contains(
                            "default-src 'none'",
                            "style-src 'self'",
                            "img-src 'self' https://i.scdn.co",
                            "frame-ancestors 'none'")
                    .doesNotContain("script-src");
            assertThat(response.header("Content-Type"))
                    .isEqualToIgnoringWhitespace("text/html; charset=utf-8");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            Document page = Jsoup.parse(response.body().string(), server.url("/"));
            for (Element resource : page.select("link[href], img[src], script[src]")) {
                String url =
                        resource.hasAttr("src") ? resource.absUrl("src") : resource.absUrl("href");
                assertThat(url).matches("(http://127\\.0\\.0\\.1:\\d+/|https://i\\.scdn\\.co/).*");
            }
        }
        try (Response css = server.get("/assets/site.css")) {
            assertThat(css.code()).isEqualTo(200);
            assertThat(css.header("Content-Type")).startsWith("text/css");
            assertThat(css.body().string())
                    .contains("prefers-color-scheme: dark", ":focus-visible");
        }
        try (Response icon = server.get("/assets/icon.svg")) {
            assertThat(icon.code()).isEqualTo(200);
            assertThat(icon.header("Content-Type")).startsWith("image/svg+xml");
        }
    }

    @Test
    void unknownAlias_is404PageThatNamesItAndLinksBack() throws IOException {
        Document page = page("/u/nobody", 404);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Unknown alias");
        assertThat(page.selectFirst(".error").text()).contains("'nobody'");
        assertThat(page.select(".error a").eachAttr("href")).containsExactly("/");
        assertThat(page("/u/nobody/" + PageFixtures.FULL_DAY, 404).selectFirst("h1").text())
                .isEqualTo("Unknown alias");
        assertThat(page("/u/bad%20name!", 404).selectFirst("h1").text()).isEqualTo("Unknown alias");
    }

    @Test
    void aDayWithoutAList_is404PageThatSaysWhichAndLinksToTheNewest() throws IOException {
        Document page = page("/u/alice/" + PageFixtures.TODAY, 404);
        assertThat(page.selectFirst("h1").text()).isEqualTo("No list for this day");
        assertThat(page.selectFirst(".error").text())
                .contains("alice", PageFixtures.TODAY.toString());
        assertThat(page.select(".error a").eachAttr("href")).containsExactly("/u/alice");
        Document none = page("/u/bob", 404);
        assertThat(none.selectFirst(".error").text()).contains("bob has no list yet");
    }

    @Test
    void aMalformedDate_is400PageThatShowsTheAcceptedForm() throws IOException {
        Document page = page("/u/alice/2026-13-01", 400);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Not a date");
        assertThat(page.selectFirst(".error").text()).contains("'2026-13-01'", "YYYY-MM-DD");
        assertThat(page.select(".error a").eachAttr("href")).containsExactly("/u/alice");
        // the JSON API keeps its problem documents
        try (Response api = server.get("/user-recommendations/alice?date=2026-13-01")) {
            assertThat(api.code()).isEqualTo(400);
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void aPathUnderThePagesThatNoRouteMatches_isAnHtml404() throws IOException {
        Document page = page("/u/alice/" + PageFixtures.FULL_DAY + "/extra", 404);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Not found");
        try (Response api = server.get("/no-such-route")) {
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.header("X-Content-Type-Options")).as("errors too").isEqualTo("nosniff");
        }
    }

    @Test
    void aPastPageIsServedFromTheCache() throws IOException {
        String fullDay = "/u/alice/" + PageFixtures.FULL_DAY;
        String newest = "/u/alice/" + PageFixtures.SHORT_DAY;
        page(fullDay, 200);
        page(newest, 200);
        double hits = pageCacheHits();
        Document again = page(fullDay, 200);
        assertThat(pageCacheHits()).isEqualTo(hits + 1);
        assertThat(again.select("ol.tracks > li.track")).hasSize(20);
        page(newest, 200);
        assertThat(pageCacheHits())
                .as("the newest page is kept too, for a few seconds")
                .isEqualTo(hits + 2);
    }

    private static double pageCacheHits() throws IOException {
        try (Response metrics = server.get("/metrics")) {
            return metrics.body()
                    .string()
                    .lines()
                    .filter(
                            line ->
                                    line.startsWith(
                                            "cache_gets_total{cache=\"web.pages\",result=\"hit\"}"))
                    .mapToDouble(
                            line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void theDocsPageLinksToTheLists() throws IOException {
        try (Response docs = server.get("/docs")) {
            assertThat(Jsoup.parse(docs.body().string()).select("a[href=/]")).isNotEmpty();
        }
    }

    private static Elements factsOf(Document page) {
        return page.select(".facts dt");
    }

    private static java.util.List<String> facts(Document page) {
        return factsOf(page).stream()
                .map(dt -> dt.text() + " " + dt.nextElementSibling().text())
                .toList();
    }

    private static Document page(String path, int status) throws IOException {
        try (Response response = server.get(path)) {
            assertThat(response.code()).as(path).isEqualTo(status);
            assertThat(response.header("Content-Type"))
                    .as(path)
                    .isEqualToIgnoringWhitespace("text/html; charset=utf-8");
            return Jsoup.parse(
                    new String(response.body().bytes(), StandardCharsets.UTF_8), server.url("/"));
        }
    }
}
