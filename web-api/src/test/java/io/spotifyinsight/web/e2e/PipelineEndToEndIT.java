package io.spotifyinsight.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.web.testing.FreePort;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole pipeline as an operator runs it, every part a real process on loopback: the fake
 * Spotify, the fetcher jar ({@code users add}, {@code run}) and the web jar, over a real
 * PostgreSQL. Checks that the API returns what was fetched, and that fetching again replaces the
 * day instead of duplicating it.
 */
class PipelineEndToEndIT {
    @RegisterExtension static final TestDatabase db = new TestDatabase(2);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EXPORT = Pattern.compile("export ([A-Z_]+)='([^']*)'");
    private static final Duration STEP = Duration.ofSeconds(90);

    private final OkHttpClient http = new OkHttpClient();

    @Test
    void fetchedListsAreServed_andARerunReplacesTheDay_forBothKindsOfSpotifyApp() throws Exception {
        pipeline("extended", "spotify");
        // every source running, artist genres empty as Spotify reports them today
        pipeline("development", "blend");
    }

    private void pipeline(String mode, String expectedStrategy) throws Exception {
        String user = "e2e-" + mode;
        LocalDate date = LocalDate.of(2026, 11, 20);
        try (JavaProcess fake =
                JavaProcess.start("fake-services-" + mode, fakeServices(mode), Map.of())) {
            fake.awaitOutput(out -> out.contains("Stop with Ctrl-C"), Duration.ofSeconds(60));
            Map<String, String> env = new HashMap<>(db.env());
            env.putAll(spotifyEnv(fake.output()));
            env.put("APP_TIMEZONE", "UTC");

            String fetcherJar = JavaProcess.jar("fetcher-job", "fetcher-job.jar").toString();
            JavaProcess.Result add =
                    JavaProcess.run(
                            "users-add",
                            List.of(
                                    "-jar",
                                    fetcherJar,
                                    "users",
                                    "add",
                                    user,
                                    "--artist",
                                    io.spotifyinsight.spotify.fake.FakeCatalog.standard()
                                            .artists()
                                            .get(7)
                                            .id(),
                                    "--genre",
                                    "jazz",
                                    "--limit",
                                    "12"),
                            env,
                            STEP);
            assertThat(add.exitCode()).as(add.output()).isZero();

            JavaProcess.Result first = fetch(fetcherJar, user, date, env);
            List<String> fetched = storedTrackIds(user, date);
            assertThat(fetched).as(first.output()).hasSize(12).doesNotHaveDuplicates();

            int port = FreePort.find();
            Map<String, String> webEnv = WebJar.listeningOn(port, db.env());
            webEnv.put("WEB_CACHE_ENTRIES", "0");
            try (JavaProcess web = JavaProcess.start("web-api", WebJar.command(), webEnv)) {
                web.awaitHealthy("http://127.0.0.1:" + port);
                JsonNode served = get(port, "/user-recommendations/" + user + "?date=" + date);
                assertThat(served.get("username").asText()).isEqualTo(user);
                assertThat(served.get("date").asText()).isEqualTo(date.toString());
                assertThat(served.get("strategy").asText()).isEqualTo(expectedStrategy);
                assertThat(trackIds(served)).containsExactlyElementsOf(fetched);
                for (JsonNode track : served.get("tracks")) {
                    assertThat(track.get("track_link").asText())
                            .isEqualTo("spotify:track:" + track.get("track_id").asText());
                    assertThat(track.get("track_title").asText()).isNotBlank();
                    assertThat(track.get("artists")).isNotEmpty();
                    assertThat(track.get("reason").asText()).isNotBlank();
                }
                if (expectedStrategy.equals("blend")) {
                    assertThat(served.get("tracks"))
                            .extracting(t -> t.get("source").asText())
                            .containsAnyOf("reccobeats", "lastfm")
                            .allMatch(s -> List.of("search", "reccobeats", "lastfm").contains(s));
                    assertThat(served.get("missing_sources")).isEmpty();
                }

                fetch(fetcherJar, user, date, env);

                assertThat(rowCount(user, date)).isEqualTo(12);
                JsonNode again = get(port, "/user-recommendations/" + user + "?date=" + date);
                // the same (user, date) gives the same list with either strategy: a re-run replaces
                // it with itself
                assertThat(trackIds(again)).containsExactlyElementsOf(fetched);
            }
        }
    }

    /**
     * The fake Spotify, ReccoBeats, Last.fm and MusicBrainz in one process, each on a port of its
     * own choosing, in {@code mode}, with artist genres empty as Spotify reports them today.
     */
    private static List<String> fakeServices(String mode) {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                "-cp",
                                JavaProcess.testClasspath(),
                                "io.spotifyinsight.sources.fake.FakeSourcesMain"));
        for (String service : List.of("spotify", "reccobeats", "lastfm", "musicbrainz")) {
            command.addAll(List.of("--" + service + "-port", "0"));
        }
        command.addAll(List.of("--mode", mode, "--empty-genres"));
        return command;
    }

    private static JavaProcess.Result fetch(
            String fetcherJar, String user, LocalDate date, Map<String, String> env)
            throws Exception {
        JavaProcess.Result run =
                JavaProcess.run(
                        "run",
                        List.of(
                                "-jar",
                                fetcherJar,
                                "run",
                                "--user",
                                user,
                                "--date",
                                date.toString()),
                        env,
                        STEP);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain(env.get("SPOTIFY_CLIENT_SECRET"));
        return run;
    }

    private static Map<String, String> spotifyEnv(String fakeOutput) {
        Map<String, String> env = new HashMap<>();
        Matcher m = EXPORT.matcher(fakeOutput);
        while (m.find()) {
            env.put(m.group(1), m.group(2));
        }
        assertThat(env)
                .as(fakeOutput)
                .containsKeys(
                        "SPOTIFY_CLIENT_ID",
                        "SPOTIFY_CLIENT_SECRET",
                        "SPOTIFY_API_URL",
                        "SPOTIFY_ACCOUNTS_URL",
                        "RECCOBEATS_API_URL",
                        "LASTFM_API_URL",
                        "LASTFM_API_KEY",
                        "MUSICBRAINZ_API_URL");
        return env;
    }

    private static List<String> storedTrackIds(String user, LocalDate date) {
        return db.dsl()
                .fetch(
                        """
                        SELECT r.track_id FROM recommendation r JOIN app_user u ON u.id = r.user_id
                        WHERE u.username = ? AND r.list_date = ? ORDER BY r.position\
                        """,
                        user,
                        date)
                .getValues(0, String.class);
    }

    private static int rowCount(String user, LocalDate date) {
        return storedTrackIds(user, date).size();
    }

    private static List<String> trackIds(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("tracks").forEach(t -> ids.add(t.get("track_id").asText()));
        return ids;
    }

    private JsonNode get(int port, String path) throws IOException {
        try (Response response =
                http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + path).build())
                        .execute()) {
            String body = response.body().string();
            assertThat(response.code()).as(body).isEqualTo(200);
            return JSON.readTree(body);
        }
    }
}
