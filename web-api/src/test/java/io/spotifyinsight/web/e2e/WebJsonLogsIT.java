package io.spotifyinsight.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.web.testing.FreePort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code LOG_FORMAT=json} for real: the web jar as a process (logback reads its configuration once
 * per JVM), a few requests, every line of its output parsed as JSON.
 */
class WebJsonLogsIT {
    @RegisterExtension static final TestDatabase db = new TestDatabase(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http = new OkHttpClient();

    @Test
    void every_line_is_a_json_object_and_a_request_line_carries_its_request_id() throws Exception {
        int port = FreePort.find();
        Map<String, String> env = WebJar.listeningOn(port, db.env());
        env.put("LOG_FORMAT", "json");
        env.put("LOG_LEVEL", "DEBUG"); // answers of 4xx are logged at DEBUG only
        try (JavaProcess web = JavaProcess.start("web-json", WebJar.command(), env)) {
            web.awaitOutput(out -> out.contains("listening on"), Duration.ofSeconds(60));
            String requestId;
            try (Response response =
                    http.newCall(
                                    new Request.Builder()
                                            .url(
                                                    "http://127.0.0.1:"
                                                            + port
                                                            + "/user-recommendations/nobody-here")
                                            .build())
                            .execute()) {
                assertThat(response.code()).isEqualTo(404);
                requestId = response.header("X-Request-Id");
            }
            web.awaitOutput(out -> out.contains("nobody-here"), Duration.ofSeconds(10));

            List<JsonNode> events = new ArrayList<>();
            for (String line : web.output().lines().filter(l -> !l.isEmpty()).toList()) {
                JsonNode event = JSON.readTree(line);
                assertThat(event.isObject()).as(line).isTrue();
                assertThat(event.fieldNames())
                        .toIterable()
                        .as(line)
                        .contains("timestamp", "level", "logger", "message", "thread");
                events.add(event);
            }
            assertThat(events)
                    .filteredOn(e -> e.path("message").asText().contains("nobody-here"))
                    .singleElement()
                    .satisfies(
                            e -> {
                                assertThat(e.get("level").asText()).isEqualTo("DEBUG");
                                assertThat(e.get("requestId").asText()).isEqualTo(requestId);
                            });
            String password = env.getOrDefault("DATABASE_PASSWORD", "");
            if (!password.isBlank()) {
                assertThat(web.output()).doesNotContain(password);
            }
        }
    }

    @Test
    void an_unknown_log_format_stops_the_server_with_exit_2() throws Exception {
        Map<String, String> env = new HashMap<>(db.env());
        env.put("LOG_FORMAT", "logfmt");

        JavaProcess.Result result =
                JavaProcess.run(
                        "web-bad-log-format", WebJar.command(), env, Duration.ofSeconds(60));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output())
                .contains(
                        "LOG_FORMAT is 'logfmt': expected text (the default: timestamped lines) or"
                                + " json");
    }
}
