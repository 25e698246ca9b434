package io.spotifyinsight.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.persistence.run.FetchRunRepository;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.spotify.fake.FakeSpotify;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code LOG_FORMAT=json} for real: the shaded jar as a process (logback reads its configuration
 * once per JVM, so only a fresh process shows it), a run against the fake Spotify, every line of
 * its log parsed as JSON.
 */
class FetcherJsonLogsIT {
    @RegisterExtension static final TestDatabase db = new TestDatabase();
    static FakeSpotify fake;
    static Path jar;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void setUp() {
        fake = FakeSpotify.start();
        jar = Path.of(System.getProperty("fetcher.jar", "target/fetcher-job.jar"));
        assertThat(jar).as("the shaded jar (built in the package phase)").exists();
    }

    @AfterAll
    static void tearDown() {
        fake.close();
    }

    private static CliResult java(Map<String, String> env, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        File out = Files.createTempFile("fetcher-out", ".txt").toFile();
        File err = Files.createTempFile("fetcher-err", ".txt").toFile();
        Process process = builder.redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the fetcher did not finish within 90 s");
        }
        CliResult result =
                new CliResult(
                        process.exitValue(),
                        Files.readString(out.toPath(), StandardCharsets.UTF_8),
                        Files.readString(err.toPath(), StandardCharsets.UTF_8));
        out.delete();
        err.delete();
        return result;
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
                    java(env, "users", "add", name, "--artist", artist.id(), "--limit", "5");
            assertThat(added.exitCode()).as(added.toString()).isZero();
        }

        CliResult run = java(env, "run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = run.err().lines().filter(line -> !line.isEmpty()).toList();
        assertThat(lines).as(run.err()).hasSizeGreaterThanOrEqualTo(3);
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.fieldNames())
                    .toIterable()
                    .as(line)
                    .contains("timestamp", "level", "logger", "message", "thread");
            events.add(event);
        }
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

        CliResult result = java(env, "users", "list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err())
                .contains(
                        "LOG_FORMAT is 'JSON': expected text (the default: timestamped lines) or"
                                + " json (one JSON object per line), in lower case");
    }
}
