package io.spotifyinsight.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.persistence.testing.TestTracks;
import io.spotifyinsight.web.playlist.JspfWriter;
import io.spotifyinsight.web.playlist.XspfWriter;
import io.spotifyinsight.web.testing.OpenApiContract;
import io.spotifyinsight.web.testing.StoredLists;
import io.spotifyinsight.web.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import okhttp3.Request;
import okhttp3.Response;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The playlist exports (JSPF, XSPF, M3U8) over real HTTP against a real PostgreSQL, each parsed
 * back the way a player would read it: JSPF as JSON, XSPF as namespaced XML, M3U8 line by line.
 */
class PlaylistExportTest {
    @RegisterExtension
    static final TestServer server = TestServer.withDatabase(PlaylistExportTest::store);

    static final TestDatabase db = server.database();

    static final LocalDate DAY = TestServer.TODAY.minusDays(5);
    static final LocalDate DAY_BEFORE = DAY.minusDays(1);
    static final OffsetDateTime FETCHED = OffsetDateTime.of(2026, 3, 5, 3, 0, 0, 0, ZoneOffset.UTC);

    /** Markup, quotes and a control character XML 1.0 cannot carry (U+0007). */
    static final String HOSTILE_TITLE = "<script>alert(1)</script> & \"x\" \u0007bell";

    /** A line break that would add a playlist entry if it reached the M3U8 as it is. */
    static final String MULTILINE_TITLE = "first line\r\n#EXTINF:1,evil\nhttps://evil.example/x";

    static final ObjectMapper JSON = new ObjectMapper();
    static final OpenApiContract CONTRACT = TestServer.CONTRACT;

    /** Alice's list of the day: a hostile title, a multi-line one, a plain track; bob has none. */
    static void store(DSLContext dsl) {
        TrackInfo hostile =
                new TrackInfo(
                        TestTracks.id('t', 500),
                        HOSTILE_TITLE,
                        180_499,
                        false,
                        TestTracks.album(500),
                        List.of(
                                new ArtistInfo(TestTracks.id('r', 500), "Sigur Rós"),
                                new ArtistInfo(TestTracks.id('r', 501), "Björk")));
        TrackInfo multiline =
                new TrackInfo(
                        TestTracks.id('t', 501),
                        MULTILINE_TITLE,
                        180_500,
                        null,
                        null,
                        List.of(new ArtistInfo(TestTracks.id('r', 502), "Line\nBreaker")));
        var stored = new StoredLists(dsl);
        long alice = stored.user("alice");
        stored.user("bob");
        stored.day(
                alice,
                DAY,
                Strategy.BLEND,
                FETCHED,
                List.of(
                        TestTracks.recommended(hostile),
                        new RecommendedTrack(
                                multiline,
                                TrackSource.RECCOBEATS,
                                "similar to your seed track 'Track 1'"),
                        TestTracks.recommended(TestTracks.track(2))));
        stored.day(alice, DAY_BEFORE, Strategy.SEARCH, FETCHED.minusDays(1), 10, 2);
    }

    /**
     * The day's playlist in {@code format}: a 200 of {@code contentType}, an attachment named
     * alice-DAY.{@code extension}.
     */
    private static byte[] download(String format, String contentType, String extension)
            throws IOException {
        try (Response response =
                server.get("/user-recommendations/alice?date=" + DAY + "&format=" + format)) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo(contentType);
            assertThat(response.header("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"alice-" + DAY + "." + extension + "\"");
            return response.body().bytes();
        }
    }

    // ---- JSPF

    @Test
    void jspf_has_the_tracks_in_position_order_with_location_arrays_and_our_extension()
            throws IOException {
        JsonNode body = JSON.readTree(download("jspf", "application/json", "jspf"));
        assertThat(CONTRACT.validate(body, "Jspf")).isEmpty();
        JsonNode playlist = body.get("playlist");
        assertThat(playlist.get("title").asText()).isEqualTo("Spotify Insight: alice, " + DAY);
        assertThat(playlist.get("creator").asText()).isEqualTo("Spotify Insight");
        assertThat(playlist.get("date").asText()).isEqualTo("2026-03-05T03:00:00Z");
        assertThat(playlist.get("identifier").isTextual()).isTrue();
        assertThat(
                        playlist.get("extension")
                                .get(JspfWriter.PLAYLIST_EXTENSION)
                                .get("username")
                                .asText())
                .isEqualTo("alice");
        JsonNode tracks = playlist.get("track");
        assertThat(tracks.isArray()).isTrue();
        assertThat(tracks).hasSize(3);
        JsonNode first = tracks.get(0);
        String url = "https://open.spotify.com/track/" + TestTracks.id('t', 500);
        assertThat(first.get("title").asText()).isEqualTo(HOSTILE_TITLE);
        assertThat(first.get("creator").asText()).isEqualTo("Sigur Rós, Björk");
        assertThat(first.get("album").asText()).isEqualTo("Album 500");
        assertThat(first.get("duration").asInt()).isEqualTo(180_499);
        assertThat(first.get("location").isArray()).isTrue();
        assertThat(first.get("location")).hasSize(1);
        assertThat(first.get("location").get(0).asText()).isEqualTo(url);
        assertThat(first.get("identifier").get(0).asText()).isEqualTo(url);
        assertThat(first.get("image").asText()).startsWith("https://i.scdn.co/image/");
        for (int i = 0; i < tracks.size(); i++) {
            JsonNode ours = tracks.get(i).get("extension").get(JspfWriter.TRACK_EXTENSION);
            assertThat(ours.get("position").asInt()).isEqualTo(i + 1);
            assertThat(ours.get("date").asText()).isEqualTo(DAY.toString());
        }
        JsonNode second = tracks.get(1);
        assertThat(second.has("album")).as("an unknown album is left out, not null").isFalse();
        assertThat(second.has("image")).isFalse();
        assertThat(second.get("extension").get(JspfWriter.TRACK_EXTENSION).get("source").asText())
                .isEqualTo("reccobeats");
        assertThat(second.get("extension").get(JspfWriter.TRACK_EXTENSION).get("reason").asText())
                .isEqualTo("similar to your seed track 'Track 1'");
    }

    // ---- XSPF

    @Test
    void xspf_is_well_formed_xml_in_the_xspf_namespace_even_with_markup_and_control_characters()
            throws Exception {
        Document xml = parseXml(download("xspf", "application/xspf+xml; charset=utf-8", "xspf"));
        Element root = xml.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(XspfWriter.XSPF_NAMESPACE);
        assertThat(root.getLocalName()).isEqualTo("playlist");
        assertThat(root.getAttribute("version")).isEqualTo("1");
        XPath xpath = xpath();
        assertThat(xpath.evaluate("/x:playlist/x:title", xml))
                .isEqualTo("Spotify Insight: alice, " + DAY);
        assertThat(xpath.evaluate("/x:playlist/x:creator", xml)).isEqualTo("Spotify Insight");
        assertThat(xpath.evaluate("/x:playlist/x:date", xml)).isEqualTo("2026-03-05T03:00:00Z");
        NodeList tracks =
                (NodeList)
                        xpath.evaluate(
                                "/x:playlist/x:trackList/x:track", xml, XPathConstants.NODESET);
        assertThat(tracks.getLength()).isEqualTo(3);
        String url = "https://open.spotify.com/track/" + TestTracks.id('t', 500);
        assertThat(xpath.evaluate("/x:playlist/x:trackList/x:track[1]/x:title", xml))
                .as("markup kept as text, the control character dropped")
                .isEqualTo("<script>alert(1)</script> & \"x\" bell");
        assertThat(xpath.evaluate("/x:playlist/x:trackList/x:track[1]/x:location", xml))
                .isEqualTo(url);
        assertThat(xpath.evaluate("/x:playlist/x:trackList/x:track[1]/x:identifier", xml))
                .isEqualTo(url);
        assertThat(xpath.evaluate("/x:playlist/x:trackList/x:track[1]/x:creator", xml))
                .isEqualTo("Sigur Rós, Björk");
        assertThat(xpath.evaluate("/x:playlist/x:trackList/x:track[1]/x:album", xml))
                .isEqualTo("Album 500");
        assertThat(xpath.evaluate("/x:playlist/x:trackList/x:track[1]/x:duration", xml))
                .isEqualTo("180499");
        assertThat(xpath.evaluate("count(/x:playlist/x:trackList/x:track[2]/x:album)", xml))
                .isEqualTo("0");
        assertThat(
                        xpath.evaluate(
                                "/x:playlist/x:trackList/x:track[1]/x:extension/@application", xml))
                .isEqualTo(XspfWriter.EXTENSION_NAMESPACE);
        for (int i = 1; i <= 3; i++) {
            String ours = "/x:playlist/x:trackList/x:track[" + i + "]/x:extension/si:";
            assertThat(xpath.evaluate(ours + "position", xml)).isEqualTo(Integer.toString(i));
            assertThat(xpath.evaluate(ours + "date", xml)).isEqualTo(DAY.toString());
        }
        assertThat(xpath.evaluate("/x:playlist/x:trackList/x:track[2]/x:extension/si:source", xml))
                .isEqualTo("reccobeats");
    }

    // ---- M3U8

    @Test
    void m3u8_has_one_extinf_and_one_url_line_per_track_and_a_title_cannot_break_a_line()
            throws IOException {
        String text =
                new String(
                        download("m3u", "audio/x-mpegurl; charset=utf-8", "m3u8"),
                        StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("#EXTM3U");
        assertThat(lines.get(1)).isEqualTo("#PLAYLIST:Spotify Insight: alice, " + DAY);
        assertThat(lines)
                .as("2 header lines + 2 per track, whatever the titles hold")
                .hasSize(2 + 2 * 3);
        assertThat(lines.get(2))
                .isEqualTo(
                        "#EXTINF:180,Sigur Rós, Björk - " + HOSTILE_TITLE.replace('\u0007', ' '));
        assertThat(lines.get(3))
                .isEqualTo("https://open.spotify.com/track/" + TestTracks.id('t', 500));
        assertThat(lines.get(4))
                .as("180.5 s rounds up; line breaks became spaces")
                .isEqualTo(
                        "#EXTINF:181,Line Breaker - first line  #EXTINF:1,evil"
                                + " https://evil.example/x");
        assertThat(lines.get(6)).isEqualTo("#EXTINF:180,Artist 2, Featured 2 - Track 2");
        assertThat(lines).doesNotContain("https://evil.example/x");
        for (int i = 3; i < lines.size(); i += 2) {
            assertThat(lines.get(i)).startsWith("https://open.spotify.com/track/");
        }
    }

    // ---- negotiation

    @Test
    void accept_headers_choose_xspf_or_m3u8_json_stays_the_default_and_jspf_needs_the_parameter()
            throws IOException {
        Map<String, String> expected =
                Map.of(
                        "application/xspf+xml", "application/xspf+xml",
                        "audio/x-mpegurl", "audio/x-mpegurl",
                        "application/vnd.apple.mpegurl", "application/vnd.apple.mpegurl",
                        "application/xspf+xml, application/json", "application/json",
                        "application/json", "application/json",
                        "text/csv", "text/csv");
        for (var entry : expected.entrySet()) {
            Request request =
                    server.request("/user-recommendations/alice?date=" + DAY)
                            .header("Accept", entry.getKey())
                            .build();
            try (Response response = server.call(request)) {
                assertThat(response.code()).isEqualTo(200);
                assertThat(response.header("Content-Type"))
                        .as(entry.getKey())
                        .startsWith(entry.getValue());
                assertThat(response.header("Vary")).isEqualTo("Accept");
                if (entry.getValue().equals("application/json")) {
                    assertThat(JSON.readTree(response.body().string()).has("tracks"))
                            .as("our JSON, not JSPF")
                            .isTrue();
                }
            }
        }
        Request range =
                server.request("/users/alice/recommendations?from=" + DAY_BEFORE + "&to=" + DAY)
                        .header("Accept", "audio/x-mpegurl")
                        .build();
        try (Response response = server.call(range)) {
            assertThat(response.header("Content-Type")).startsWith("audio/x-mpegurl");
            assertThat(response.header("Vary")).isEqualTo("Accept");
        }
    }

    @Test
    void accept_vnd_apple_mpegurl_gets_m3u8_under_that_type_for_a_day_and_a_range()
            throws IOException {
        for (String path :
                List.of(
                        "/user-recommendations/alice?date=" + DAY,
                        "/users/alice/recommendations?from=" + DAY_BEFORE + "&to=" + DAY)) {
            Request request =
                    server.request(path).header("Accept", "application/vnd.apple.mpegurl").build();
            try (Response response = server.call(request)) {
                assertThat(response.code()).as(path).isEqualTo(200);
                assertThat(response.header("Content-Type"))
                        .as(path)
                        .isEqualTo("application/vnd.apple.mpegurl; charset=utf-8");
                assertThat(response.body().string()).as(path).startsWith("#EXTM3U\n");
            }
        }
    }

    // ---- ranges

    @Test
    void a_range_is_one_playlist_oldest_day_first_with_each_tracks_date_and_position()
            throws Exception {
        String query =
                "/users/alice/recommendations?from=" + DAY_BEFORE.minusDays(3) + "&to=" + DAY;
        String name = "alice-" + DAY_BEFORE.minusDays(3) + "_" + DAY;
        JsonNode tracks;
        try (Response response = server.get(query + "&format=jspf")) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"" + name + ".jspf\"");
            JsonNode body = JSON.readTree(response.body().string());
            assertThat(body.at("/playlist/title").asText())
                    .isEqualTo("Spotify Insight: alice, " + DAY_BEFORE.minusDays(3) + " to " + DAY);
            assertThat(body.at("/playlist/date").asText())
                    .as("the newest list's time")
                    .isEqualTo("2026-03-05T03:00:00Z");
            tracks = body.at("/playlist/track");
        }
        List<String> dateAndPosition = new ArrayList<>();
        for (JsonNode track : tracks) {
            JsonNode ours = track.get("extension").get(JspfWriter.TRACK_EXTENSION);
            dateAndPosition.add(ours.get("date").asText() + "#" + ours.get("position").asInt());
        }
        assertThat(dateAndPosition)
                .containsExactly(
                        DAY_BEFORE + "#1", DAY_BEFORE + "#2", DAY + "#1", DAY + "#2", DAY + "#3");
        assertThat(tracks.get(0).get("title").asText()).isEqualTo("Track 10");

        try (Response response = server.get(query + "&format=xspf")) {
            assertThat(response.header("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"" + name + ".xspf\"");
            Document xml = parseXml(response.body().bytes());
            assertThat(xpath().evaluate("count(/x:playlist/x:trackList/x:track)", xml))
                    .isEqualTo("5");
            assertThat(
                            xpath().evaluate(
                                            "/x:playlist/x:trackList/x:track[3]"
                                                    + "/x:extension/si:date",
                                            xml))
                    .isEqualTo(DAY.toString());
        }
        try (Response response = server.get(query + "&format=m3u")) {
            assertThat(response.header("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"" + name + ".m3u8\"");
            List<String> lines = response.body().string().lines().toList();
            assertThat(lines).hasSize(2 + 2 * 5);
            assertThat(lines.get(2)).endsWith(" - Track 10");
        }
    }

    @Test
    void a_range_without_lists_is_an_empty_playlist() throws Exception {
        try (Response response =
                server.get(
                        "/users/bob/recommendations?from=2026-01-01&to=2026-01-31&format=xspf")) {
            assertThat(response.code()).isEqualTo(200);
            Document xml = parseXml(response.body().bytes());
            assertThat(xpath().evaluate("count(/x:playlist/x:trackList)", xml)).isEqualTo("1");
            assertThat(xpath().evaluate("count(//x:track)", xml)).isEqualTo("0");
            assertThat(xpath().evaluate("count(/x:playlist/x:date)", xml)).isEqualTo("0");
        }
    }

    // ---- errors and caching

    @Test
    void an_unknown_format_is_400_naming_the_formats_each_endpoint_accepts() throws IOException {
        JsonNode day =
                ApiTest.assertProblem(
                        server.get("/user-recommendations/alice?format=m3u8"),
                        400,
                        "invalid-format");
        assertThat(day.get("detail").asText())
                .contains("json, csv, jspf, xspf, m3u")
                .contains("'m3u8'");
        JsonNode range =
                ApiTest.assertProblem(
                        server.get(
                                "/users/alice/recommendations?from="
                                        + DAY
                                        + "&to="
                                        + DAY
                                        + "&format=csv"),
                        400,
                        "invalid-format");
        assertThat(range.get("detail").asText())
                .contains("json, jspf, xspf, m3u")
                .doesNotContain("csv,");
    }

    @Test
    void errors_stay_problem_documents_whatever_format_was_asked_for() throws IOException {
        try (Response response = server.get("/user-recommendations/nobody?format=xspf")) {
            assertThat(response.header("Content-Disposition")).isNull();
        }
        ApiTest.assertProblem(
                server.get("/user-recommendations/nobody?format=xspf"), 404, "unknown-user");
        ApiTest.assertProblem(
                server.call(
                        server.request("/user-recommendations/nobody")
                                .header("Accept", "application/xspf+xml")
                                .build()),
                404,
                "unknown-user");
        ApiTest.assertProblem(
                server.get("/user-recommendations/bob?date=" + DAY + "&format=m3u"),
                404,
                "no-list");
        ApiTest.assertProblem(
                server.get("/user-recommendations/alice?date=2026-02-30&format=jspf"),
                400,
                "invalid-date");
        ApiTest.assertProblem(
                server.get(
                        "/users/nobody/recommendations?from=" + DAY + "&to=" + DAY + "&format=m3u"),
                404,
                "unknown-user");
    }

    @Test
    void a_playlist_has_its_own_etag_per_format_and_answers_304_to_it() throws IOException {
        List<String> etags = new ArrayList<>();
        for (String format : List.of("json", "jspf", "xspf", "m3u")) {
            String path = "/user-recommendations/alice?date=" + DAY + "&format=" + format;
            String etag;
            try (Response response = server.get(path)) {
                assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=60");
                etag = response.header("ETag");
                assertThat(etag).startsWith("W/\"").endsWith("-" + format + "\"");
            }
            etags.add(etag);
            try (Response response =
                    server.call(server.request(path).header("If-None-Match", etag).build())) {
                assertThat(response.code()).as(format).isEqualTo(304);
                assertThat(response.body().bytes()).isEmpty();
                assertThat(response.header("Content-Disposition")).isNull();
            }
        }
        assertThat(etags).doesNotHaveDuplicates();

        String range =
                "/users/alice/recommendations?from=" + DAY_BEFORE + "&to=" + DAY + "&format=xspf";
        String etag;
        try (Response response = server.get(range)) {
            etag = response.header("ETag");
            assertThat(etag).endsWith("-xspf\"");
        }
        try (Response response =
                server.call(server.request(range).header("If-None-Match", etag).build())) {
            assertThat(response.code()).isEqualTo(304);
        }
        String shorter = "/users/alice/recommendations?from=" + DAY + "&to=" + DAY + "&format=xspf";
        try (Response response =
                server.call(server.request(shorter).header("If-None-Match", etag).build())) {
            assertThat(response.code()).as("other days, other version").isEqualTo(200);
        }
    }

    @Test
    void the_document_lists_the_formats_and_media_types_of_both_operations() {
        for (String path :
                List.of("/user-recommendations/{username}", "/users/{username}/recommendations")) {
            JsonNode operation = CONTRACT.document().path("paths").path(path).path("get");
            List<String> formats = new ArrayList<>();
            for (JsonNode parameter : operation.get("parameters")) {
                if (parameter.path("name").asText().equals("format")) {
                    parameter.at("/schema/enum").forEach(value -> formats.add(value.asText()));
                }
            }
            assertThat(formats).as(path).contains("json", "jspf", "xspf", "m3u");
            JsonNode content = operation.at("/responses/200/content");
            List<String> mediaTypes = new ArrayList<>();
            content.fieldNames().forEachRemaining(mediaTypes::add);
            assertThat(mediaTypes)
                    .as(path)
                    .contains("application/json", "application/xspf+xml", "audio/x-mpegurl");
        }
    }

    // ---- helpers

    static Document parseXml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /** XPath with x: for XSPF and si: for our extension namespace. */
    static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(
                new NamespaceContext() {
                    @Override
                    public String getNamespaceURI(String prefix) {
                        return switch (prefix) {
                            case "x" -> XspfWriter.XSPF_NAMESPACE;
                            case "si" -> XspfWriter.EXTENSION_NAMESPACE;
                            default -> XMLConstants.NULL_NS_URI;
                        };
                    }

                    @Override
                    public String getPrefix(String namespaceUri) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Iterator<String> getPrefixes(String namespaceUri) {
                        throw new UnsupportedOperationException();
                    }
                });
        return xpath;
    }
}
