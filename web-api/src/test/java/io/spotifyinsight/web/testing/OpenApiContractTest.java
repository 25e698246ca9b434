package io.spotifyinsight.web.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * The contract check itself: it must see what a test server's answer gets wrong, and leave alone
 * what is not documented.
 */
class OpenApiContractTest {
    static final OpenApiContract CONTRACT = TestServer.CONTRACT;
    static final String SEEDS = "\"seeds\":{\"artists\":[],\"genres\":[\"hip-hop\"],\"tracks\":[]}";
    static final String USER =
            "{\"username\":\"alice\",\"active\":true,\"market\":null,"
                    + SEEDS
                    + ",\"latest_date\":null}";

    @Test
    void a_documented_answer_conforms() {
        assertThat(checkUsers(USER)).isEmpty();
    }

    @Test
    void an_unknown_field_a_wrong_type_and_a_missing_field_are_each_reported() {
        assertThat(checkUsers(USER.replace("}", ",\"extra\":1}"))).contains("extra");
        assertThat(checkUsers(USER.replace("\"active\":true", "\"active\":\"yes\"")))
                .contains("/users/0/active");
        assertThat(checkUsers(USER.replace("\"market\":null,", ""))).contains("market");
        assertThat(checkUsers(USER.replace("\"latest_date\":null", "\"latest_date\":\"soon\"")))
                .contains("latest_date");
    }

    /**
     * OpenAPI 3.0's {@code nullable: true} is what the validator reads (it ignores 3.1's {@code
     * type: [x, "null"]}).
     */
    @Test
    void a_null_is_accepted_only_where_the_document_says_nullable() throws Exception {
        assertThat(checkUsers(USER.replace("\"active\":true", "\"active\":null")))
                .contains("/users/0/active");
        assertThat(checkUsers(USER.replace(SEEDS, "\"seeds\":null"))).contains("/users/0/seeds");
        ObjectMapper json = new ObjectMapper();
        String track =
                "{\"track_id\":\"4uLU6hMCjMI75M1A2tKUQC\",\"track_title\":\"t\","
                        + "\"track_link\":\"spotify:track:4uLU6hMCjMI75M1A2tKUQC\","
                        + "\"track_url\":\"https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC\","
                        + "\"artists\":[{\"id\":\"a\",\"name\":\"n\"}],"
                        + "\"album\":null,\"duration_ms\":1000,"
                        + "\"explicit\":null,\"source\":\"lastfm\",\"reason\":\"r\"}";
        assertThat(CONTRACT.validate(json.readTree(track), "Track")).isEmpty();
        assertThat(
                        CONTRACT.validate(
                                json.readTree(
                                        track.replace(
                                                "\"duration_ms\":1000", "\"duration_ms\":null")),
                                "Track"))
                .contains("duration_ms");
        assertThat(
                        CONTRACT.validate(
                                json.readTree(
                                        track.replace(
                                                "\"track_title\":\"t\"", "\"track_title\":null")),
                                "Track"))
                .contains("track_title");
    }

    @Test
    void an_undocumented_status_or_media_type_is_reported() {
        assertThat(check("/users", 418, "application/problem+json", problem(418))).contains("418");
        assertThat(check("/users", 200, "text/plain", "{\"users\":[]}")).contains("text/plain");
    }

    @Test
    void an_accepted_request_the_document_calls_invalid_is_reported_a_rejected_one_is_not() {
        String day = "/user-recommendations/alice?format=xml";
        assertThat(check(day, 400, "application/problem+json", problem(400))).isEmpty();
        assertThat(check(day, 304, null, "")).contains("xml");
    }

    @Test
    void paths_and_methods_the_document_does_not_name_are_left_alone() {
        assertThat(check("/u/alice", 200, "text/html", "<html></html>")).isEmpty();
        assertThat(check("/no-such-route", 404, "application/problem+json", "{}")).isEmpty();
    }

    @Test
    void a_component_schema_checks_a_body_by_itself() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(CONTRACT.validate(json.readTree(problem(404)), "Problem")).isEmpty();
        assertThat(CONTRACT.validate(json.readTree("{\"title\":\"x\",\"status\":404}"), "Problem"))
                .contains("type")
                .contains("detail");
        assertThatThrownBy(() -> CONTRACT.validate(json.readTree("{}"), "NoSuchSchema"))
                .hasMessageContaining("NoSuchSchema");
    }

    @Test
    void assert_conforms_names_the_exchange() {
        Request request = new Request.Builder().url("http://127.0.0.1/users").build();
        assertThatThrownBy(
                        () ->
                                CONTRACT.assertConforms(
                                        request, response(request, 418, "application/json", "{}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("GET /users -> 418 disagrees with openapi.json");
    }

    private static String problem(int status) {
        return "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":"
                + status
                + ",\"detail\":\"d\"}";
    }

    /** What the check says of a 200 {@code /users} answer listing the one {@code user}. */
    private static String checkUsers(String user) {
        return check("/users", 200, "application/json", "{\"users\":[" + user + "]}");
    }

    private static String check(String pathAndQuery, int status, String contentType, String body) {
        Request request = new Request.Builder().url("http://127.0.0.1" + pathAndQuery).build();
        try (Response response = response(request, status, contentType, body)) {
            return CONTRACT.check(request, response);
        }
    }

    private static Response response(Request request, int status, String contentType, String body) {
        Response.Builder builder =
                new Response.Builder()
                        .request(request)
                        .protocol(Protocol.HTTP_1_1)
                        .code(status)
                        .message("test")
                        .body(
                                ResponseBody.create(
                                        body,
                                        contentType == null ? null : MediaType.get(contentType)));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.build();
    }
}
