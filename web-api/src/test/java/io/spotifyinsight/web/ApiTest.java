package io.spotifyinsight.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.persistence.recommendation.AlbumInfo;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.persistence.testing.TestTracks;
import io.spotifyinsight.web.testing.OpenApiContract;
import io.spotifyinsight.web.testing.StoredLists;
import io.spotifyinsight.web.testing.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole API over real HTTP on a random port, against a real PostgreSQL; bodies checked against
 * openapi.json.
 */
class ApiTest {
    @RegisterExtension static final TestServer server = TestServer.withDatabase(ApiTest::store);

    static final TestDatabase db = server.database();

    static final LocalDate TODAY = TestServer.TODAY;
    static final LocalDate PAST = TODAY.minusDays(3);
    static final String UNICODE_TITLE = "Café ☕ 東京 – \"quoted\", 𝄞 =1+1";
    static final ObjectMapper JSON = new ObjectMapper();
    static final OpenApiContract CONTRACT = TestServer.CONTRACT;

    static void store(DSLContext dsl) {
        var stored = new StoredLists(dsl);
        long alice = stored.user("alice");
        stored.user("bob.no-lists");
        OffsetDateTime fetched = OffsetDateTime.of(2026, 3, 7, 3, 0, 0, 0, ZoneOffset.UTC);
        stored.day(alice, PAST, Strategy.SPOTIFY, fetched, 0, 20);
        stored.day(alice, PAST.minusDays(1), Strategy.SEARCH, fetched.minusDays(1), 100, 5);
        TrackInfo unicode =
                new TrackInfo(
                        TestTracks.id('t', 999),
                        UNICODE_TITLE,
                        1000,
                        true,
                        new AlbumInfo(TestTracks.id('a', 999), "Ålbum, \"x\"", null, null),
                        List.of(new ArtistInfo(TestTracks.id('r', 999), "Sigur Rós")));
        stored.day(
                alice,
                TODAY,
                Strategy.SPOTIFY,
                fetched.plusDays(3),
                TestTracks.recommended(List.of(unicode, TestTracks.track(1))));
    }

    // ---- the list

    @Test
    void list_for_a_past_date_has_the_tracks_in_position_order_and_matches_the_document()
            throws IOException {
        JsonNode body = okJson("/user-recommendations/alice?date=" + PAST);
        assertThat(body.get("username").asText()).isEqualTo("alice");
        assertThat(body.get("date").asText()).isEqualTo(PAST.toString());
        assertThat(body.get("strategy").asText()).isEqualTo("spotify");
        assertThat(body.get("fetched_at").asText()).isEqualTo("2026-03-07T03:00:00Z");
        assertThat(body.get("tracks")).hasSize(20);
        JsonNode first = body.get("tracks").get(0);
        String id = TestTracks.id('t', 0);
        assertThat(first.get("track_id").asText()).isEqualTo(id);
        assertThat(first.get("track_title").asText()).isEqualTo("Track 0");
        assertThat(first.get("track_link").asText()).isEqualTo("spotify:track:" + id);
        assertThat(first.get("track_url").asText())
                .isEqualTo("https://open.spotify.com/track/" + id);
        assertThat(first.get("artists")).hasSize(2);
        assertThat(first.get("album").get("release_date").asText()).isEqualTo("2019-05-01");
        assertThat(body.get("tracks").get(19).get("track_title").asText()).isEqualTo("Track 19");
        assertThat(first.get("source").asText()).isEqualTo("search");
        assertThat(first.get("reason").asText()).isEqualTo("test reason for 'Track 0'");
        assertThat(body.get("missing_sources").isArray()).isTrue();
        assertThat(body.get("missing_sources")).isEmpty();
    }

    @Test
    void a_csv_list_carries_each_tracks_source_and_reason() throws IOException {
        try (var response =
                server.get("/user-recommendations/alice?date=" + PAST + "&format=csv")) {
            String csv = response.body().string();
            assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",explicit,source,reason");
            assertThat(csv.lines().skip(1).findFirst().orElseThrow())
                    .endsWith(",search,test reason for 'Track 0'");
        }
    }

    @Test
    void date_defaults_to_today_and_latest_gives_the_newest_date() throws IOException {
        assertThat(okJson("/user-recommendations/alice").get("date").asText())
                .isEqualTo(TODAY.toString());
        assertThat(okJson("/user-recommendations/alice?date=latest").get("date").asText())
                .isEqualTo(TODAY.toString());
    }

    @Test
    void unicode_titles_and_names_round_trip_in_json_and_csv() throws IOException {
        JsonNode body = okJson("/user-recommendations/alice?date=" + TODAY);
        assertThat(body.get("tracks").get(0).get("track_title").asText()).isEqualTo(UNICODE_TITLE);
        assertThat(body.get("tracks").get(0).get("artists").get(0).get("name").asText())
                .isEqualTo("Sigur Rós");
        assertThat(body.get("tracks").get(0).get("album").get("image_url").isNull()).isTrue();
        try (Response csv = server.get("/user-recommendations/alice?format=csv")) {
            String text = csv.body().string();
            assertThat(text).contains(",\"Café ☕ 東京 – \"\"quoted\"\", 𝄞 =1+1\",");
            assertThat(text).contains("Sigur Rós");
        }
    }

    @Test
    void csv_by_accept_header_or_format_parameter() throws IOException {
        for (Request request :
                List.of(
                        server.request("/user-recommendations/alice?date=" + PAST)
                                .header("Accept", "text/csv")
                                .build(),
                        server.request("/user-recommendations/alice?date=" + PAST + "&format=csv")
                                .build())) {
            try (Response response = server.call(request)) {
                assertThat(response.code()).isEqualTo(200);
                assertThat(response.header("Content-Type")).startsWith("text/csv");
                String[] lines = response.body().string().split("\r\n");
                assertThat(lines).hasSize(21);
                assertThat(lines[0])
                        .startsWith("position,track_id,track_title,track_link,track_url");
                assertThat(lines[1])
                        .startsWith("1," + TestTracks.id('t', 0) + ",Track 0,spotify:track:");
            }
        }
        assertProblem(server.get("/user-recommendations/alice?format=xml"), 400, "invalid-format");
    }

    // ---- caching

    @Test
    void a_past_date_is_cacheable_and_answers_304_to_its_etag() throws IOException {
        String etag;
        try (Response response = server.get("/user-recommendations/alice?date=" + PAST)) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=60");
            etag = response.header("ETag");
            assertThat(etag).isNotBlank();
        }
        try (Response response =
                server.call(
                        server.request("/user-recommendations/alice?date=" + PAST)
                                .header("If-None-Match", etag)
                                .build())) {
            assertThat(response.code()).isEqualTo(304);
            assertThat(response.body().bytes()).isEmpty();
            assertThat(response.header("ETag")).isEqualTo(etag);
        }
        try (Response response =
                server.call(
                        server.request("/user-recommendations/alice?date=" + PAST.minusDays(1))
                                .header("If-None-Match", etag)
                                .build())) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("ETag")).isNotEqualTo(etag);
        }
    }

    @Test
    void today_and_latest_must_be_revalidated() {
        for (String query : List.of("", "?date=latest", "?date=" + TODAY)) {
            try (Response response = server.get("/user-recommendations/alice" + query)) {
                assertThat(response.code()).isEqualTo(200);
                assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
                assertThat(response.header("ETag")).isNotBlank();
            }
        }
    }

    // ---- errors

    @Test
    void malformed_and_impossible_dates_are_400() throws IOException {
        for (String date :
                List.of(
                        "2026-2-1",
                        "yesterday",
                        "2026-02-30",
                        "2025-02-29",
                        "2026-13-01",
                        "+2026-01-01",
                        "2026-01-01T00:00",
                        "%E2%9C%93",
                        "x".repeat(5000))) {
            assertThat(
                            problemDetail(
                                    "/user-recommendations/alice?date=" + date,
                                    400,
                                    "invalid-date"))
                    .contains("date must be YYYY-MM-DD");
        }
    }

    @Test
    void an_unknown_user_and_a_missing_list_are_distinct_404s() throws IOException {
        assertThat(problemDetail("/user-recommendations/nobody?date=" + PAST, 404, "unknown-user"))
                .contains("no user named 'nobody'");
        assertThat(problemDetail("/user-recommendations/bob.no-lists?date=" + PAST, 404, "no-list"))
                .contains("exists")
                .contains(PAST.toString());
        assertProblem(server.get("/user-recommendations/bob.no-lists?date=latest"), 404, "no-list");
        assertProblem(server.get("/user-recommendations/alice?date=2020-01-01"), 404, "no-list");
    }

    @Test
    void odd_input_is_400_or_404_never_500() throws IOException {
        String[] paths = {
            "/user-recommendations/%E2%9C%93%E6%9D%B1",
            "/user-recommendations/Alice",
            "/user-recommendations/a%00b",
            "/user-recommendations/..%2F..%2Fetc%2Fpasswd",
            // a dot segment is resolved before routing ("/user-recommendations/%2e%2e" is the front
            // page)
            "/users/%2e%2e/recommendations?from=2026-01-01&to=2026-01-02",
            "/user-recommendations/" + "a".repeat(10_000),
            "/user-recommendations/alice'%20OR%20'1'='1",
            "/user-recommendations/%20",
            "/users/%C3%A9/recommendations?from=2026-01-01&to=2026-01-02",
        };
        for (String path : paths) {
            try (Response response =
                    server.call(server.request(path).header("Connection", "close").build())) {
                assertThat(response.code())
                        .as(path.length() > 80 ? path.substring(0, 80) : path)
                        .isIn(400, 404);
                assertThat(response.header("Content-Type"))
                        .as(path)
                        .startsWith("application/problem+json");
                JsonNode body = JSON.readTree(response.body().string());
                assertThat(CONTRACT.validate(body, "Problem")).isEmpty();
            }
        }
    }

    @Test
    void a_path_jetty_rejects_before_routing_gets_a_valid_json_problem_whatever_it_holds()
            throws IOException {
        // sent as raw bytes: OkHttp would not send a backslash as it is; Jetty refuses the encoded
        // '/'
        RawResponse response =
                raw(
                        "GET /user-recommendations/a%2Fb\\%01 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Connection: close\r\n\r\n");
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.text()).contains("Content-Type: application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(CONTRACT.validate(body, "Problem")).isEmpty();
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("instance").asText()).isEqualTo("/user-recommendations/a/b\\\u0001");
        // a request line Jetty cannot parse at all has no path to name
        RawResponse unparsed =
                raw("GET /user-recommendations/a%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(unparsed.status()).isEqualTo(400);
        JsonNode problem = JSON.readTree(unparsed.body());
        assertThat(CONTRACT.validate(problem, "Problem")).isEmpty();
        assertThat(problem.has("instance")).isFalse();
    }

    @Test
    void unknown_route_is_404_and_wrong_method_is_405() throws IOException {
        assertProblem(server.get("/recommendations"), 404, null);
        try (Response response =
                server.call(
                        server.request("/users").post(RequestBody.create(new byte[0])).build())) {
            assertThat(response.code()).isEqualTo(405);
            assertThat(response.header("Allow")).isEqualTo("GET");
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    // ---- users and ranges

    @Test
    void users_lists_aliases_with_seeds_and_latest_date() throws IOException {
        JsonNode body = okJson("/users");
        assertThat(body.get("users")).hasSize(2);
        JsonNode alice = body.get("users").get(0);
        assertThat(alice.get("username").asText()).isEqualTo("alice");
        assertThat(alice.get("latest_date").asText()).isEqualTo(TODAY.toString());
        assertThat(alice.get("seeds").get("genres").get(0).asText()).isEqualTo("hip-hop");
        assertThat(body.get("users").get(1).get("latest_date").isNull()).isTrue();
    }

    @Test
    void a_range_returns_the_existing_lists_oldest_first() throws IOException {
        JsonNode body =
                okJson("/users/alice/recommendations?from=" + PAST.minusDays(10) + "&to=" + TODAY);
        assertThat(body.get("days")).hasSize(3);
        assertThat(body.get("days").get(0).get("date").asText())
                .isEqualTo(PAST.minusDays(1).toString());
        assertThat(body.get("days").get(0).get("tracks")).hasSize(5);
        assertThat(body.get("days").get(2).get("date").asText()).isEqualTo(TODAY.toString());
        assertThat(
                        okJson("/users/bob.no-lists/recommendations?from=2026-01-01&to=2026-01-31")
                                .get("days"))
                .isEmpty();
    }

    @Test
    void a_range_must_be_bounded_ordered_and_complete() throws IOException {
        assertProblem(
                server.get("/users/alice/recommendations?from=2025-01-01&to=2026-01-02"),
                400,
                "range-too-large");
        // closed: an unread body left on a kept-alive connection would corrupt the next response
        // read from it
        try (Response fullYear =
                server.get("/users/alice/recommendations?from=2025-01-01&to=2026-01-01")) {
            assertThat(fullYear.code()).isEqualTo(200);
        }
        assertProblem(
                server.get("/users/alice/recommendations?from=2026-01-02&to=2026-01-01"),
                400,
                "invalid-range");
        assertProblem(
                server.get("/users/alice/recommendations?from=2026-01-02"),
                400,
                "missing-parameter");
        assertProblem(
                server.get("/users/alice/recommendations?from=2026-02-30&to=2026-03-01"),
                400,
                "invalid-date");
        assertProblem(
                server.get("/users/nobody/recommendations?from=2026-01-01&to=2026-01-02"),
                404,
                "unknown-user");
    }

    // ---- operations

    @Test
    void health_reports_the_database_up() throws IOException {
        JsonNode health = okJson("/health");
        assertThat(health.get("status").asText()).isEqualTo("up");
        assertThat(health.at("/database/status").asText()).isEqualTo("up");
        assertThat(health.at("/database/pool/max").asInt()).isEqualTo(4);
    }

    @Test
    void metrics_count_requests_by_route_template() throws IOException {
        server.get("/user-recommendations/alice?date=" + PAST).close();
        server.get("/user-recommendations/bob.no-lists").close();
        try (Response response = server.get("/metrics")) {
            String text = response.body().string();
            assertThat(text)
                    .contains(
                            "http_server_requests_seconds_count{method=\"GET\","
                                    + "route=\"/user-recommendations/{username}\",status=\"200\"}");
            assertThat(text).contains("status=\"404\"");
            assertThat(text).doesNotContain("route=\"/user-recommendations/alice\"");
            assertThat(text)
                    .contains("hikaricp_connections_max{pool=\"web-test\"} 4")
                    .contains("hikaricp_connections_active{pool=\"web-test\"}")
                    .contains("hikaricp_connections_pending{pool=\"web-test\"}");
            assertThat(text)
                    .contains("jvm_memory_used_bytes")
                    .contains("jetty_threads_busy")
                    .contains("jetty_threads_config_max")
                    .contains("jetty_threads_jobs");
            assertThat(text)
                    .contains("cache_gets_total{cache=\"web.days\",result=\"hit\"}")
                    .contains("cache_gets_total{cache=\"web.days\",result=\"miss\"}")
                    .contains("cache_size{cache=\"web.days\"}");
        }
    }

    @Test
    void request_ids_are_echoed_or_generated() throws IOException {
        try (Response response =
                server.call(server.request("/health").header("X-Request-Id", "abc-123").build())) {
            assertThat(response.header("X-Request-Id")).isEqualTo("abc-123");
        }
        try (Response response =
                server.call(server.request("/nope").header("X-Request-Id", "bad id <x>").build())) {
            String id = response.header("X-Request-Id");
            assertThat(id).isNotEqualTo("bad id <x>").matches("[0-9a-f-]{36}");
            assertThat(JSON.readTree(response.body().string()).get("request_id").asText())
                    .isEqualTo(id);
        }
    }

    @Test
    void openapi_document_and_docs_page_are_served() throws IOException {
        try (Response response = server.get("/openapi.json")) {
            JsonNode doc = JSON.readTree(response.body().string());
            assertThat(doc.get("openapi").asText()).startsWith("3.");
            assertThat(doc.get("paths").fieldNames())
                    .toIterable()
                    .contains(
                            "/user-recommendations/{username}",
                            "/users",
                            "/users/{username}/recommendations",
                            "/health");
        }
        String page;
        try (Response response = server.get("/docs")) {
            assertThat(response.code()).isEqualTo(200);
            page = response.body().string();
        }
        String script = page.replaceAll("(?s).*src=\"(/webjars/[^\"]+)\".*", "$1");
        try (Response response = server.get(script)) {
            assertThat(response.code()).as(script).isEqualTo(200);
        }
    }

    // ---- helpers

    record RawResponse(int status, String text, String body) {}

    /** One request written byte for byte to the server's socket, and everything it answers. */
    static RawResponse raw(String request) throws IOException {
        URI url = URI.create(server.url("/"));
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String text =
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status =
                    Integer.parseInt(
                            text.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
            return new RawResponse(status, text, text.substring(text.indexOf("\r\n\r\n") + 4));
        }
    }

    /** GETs a path expecting 200 JSON (the server checks it against the document's schema). */
    static JsonNode okJson(String path) throws IOException {
        try (Response response = server.get(path)) {
            String text = response.body().string();
            assertThat(response.code()).as(path + " -> " + text).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            JsonNode body = JSON.readTree(text);
            return body;
        }
    }

    /** The {@code detail} of the problem that {@code path} answers, checked as below. */
    static String problemDetail(String path, int status, String kind) throws IOException {
        return assertProblem(server.get(path), status, kind).get("detail").asText();
    }

    static JsonNode assertProblem(Response response, int status, String kind) throws IOException {
        try (response) {
            String text = response.body().string();
            assertThat(response.code()).as(text).isEqualTo(status);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.header("X-Request-Id")).isNotBlank();
            JsonNode body = JSON.readTree(text);
            assertThat(CONTRACT.validate(body, "Problem")).isEmpty();
            assertThat(body.get("status").asInt()).isEqualTo(status);
            assertThat(body.get("title").asText()).isNotBlank();
            if (kind != null) {
                assertThat(body.get("type").asText())
                        .isEqualTo("urn:spotify-insight:problem:" + kind);
            }
            return body;
        }
    }
}
