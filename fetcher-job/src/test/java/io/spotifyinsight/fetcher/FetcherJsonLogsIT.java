package io.spotifyinsight.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.persistence.run.FetchRunRepository;
import io.spotifyinsight.persistence.testing.JsonLogLines;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.spotify.fake.FakeSpotify;
import io.spotifyinsight.spotify.fake.FakeSpotifyExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code LOG_FORMAT=json} for real: the shaded jar as a process (logback reads its configuration
 * once per JVM, so only a fresh process shows it), a run against the fake Spotify, every line of
 * its log parsed as JSON.
 */
class FetcherJsonLogsIT {
    @RegisterExtension static final TestDatabase db = new TestDatabase();
    @RegisterExtension static final FakeSpotifyExtension spotify = new FakeSpotifyExtension();
    FakeSpotify fake;

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(FetcherProcess.jar()).as("the shaded jar (built in the package phase)").exists();
    }

    @BeforeEach
    void setUp() {
        fake = spotify.fake();
    }

    @Test
    void a_run_with_log_format_json_writes_one_json_object_per_line_with_run_id_and_alias()
            throws Exception {
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);
        Map<String, String> env = new HashMap<>(db.env());
        env.putAll(fake.env());
        env.put("FETCHER_SOURCES", "none");
        env.put("LOG_FORMAT", "json");
        var artist = fake.catalog().artists().get(3);
        for (String name : List.of("jsonalice", "jsonbob")) {
            CliResult added =
                    FetcherProcess.run(
                            env, "users", "add", name, "--artist", artist.id(), "--limit", "5");
            assertThat(added.exitCode()).as(added.toString()).isZero();
        }

        CliResult run = FetcherProcess.run(env, "run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> events = JsonLogLines.events(run.err());
        assertThat(events).as(run.err()).hasSizeGreaterThanOrEqualTo(3);
        long runId = new FetchRunRepository(db.dsl()).latest(1).get(0).id();
        assertThat(events)
                .filteredOn(e -> e.has("alias"))
                .extracting(e -> e.get("alias").asText())
                .contains("jsonalice", "jsonbob");
        assertThat(events)
                .filteredOn(e -> e.path("message").asText().startsWith("jsonbob: 5 tracks"))
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.get("run_id").asText()).isEqualTo(Long.toString(runId));
                            assertThat(e.get("alias").asText()).isEqualTo("jsonbob");
                            assertThat(e.get("level").asText()).isEqualTo("INFO");
                            assertThat(e.get("logger").asText())
                                    .isEqualTo("io.spotifyinsight.fetcher.progress");
                        });
        assertThat(events)
                .filteredOn(
                        e ->
                                e.path("message")
                                        .asText()
                                        .contains("no access to /v1/recommendations"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("level").asText()).isEqualTo("WARN"));
        assertThat(run.all()).doesNotContain(fake.clientSecret());
        assertThat(run.out()).contains("2 of 2 users stored");
    }

    @Test
    void an_unknown_log_format_is_refused_with_what_is_accepted() throws Exception {
        Map<String, String> env = new HashMap<>(db.env());
        env.put("LOG_FORMAT", "JSON");

        CliResult result = FetcherProcess.run(env, "users", "list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err())
                .contains(
                        "LOG_FORMAT is 'JSON': expected text (the default: timestamped lines) or"
                                + " json (one JSON object per line), in lower case");
    }
}
