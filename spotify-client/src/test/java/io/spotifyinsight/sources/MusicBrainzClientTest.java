package io.spotifyinsight.sources;

import static io.spotifyinsight.spotify.error.ServiceErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.sources.ScriptedServer.Arrival;
import io.spotifyinsight.sources.error.SourceServerException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each test builds its own client, so its first request is not held back by an earlier test's. */
class MusicBrainzClientTest {

    private static final String CONTACT = "ops@spotify-insight.example";
    private static final String SPOTIFY_ARTIST = "6FBDaR13swtiWwGhX1WQsP";
    private static final String MBID = "10adbe5e-a2c0-4bf3-8249-2b4cbf6e6ca8";
    private static final String OTHER_MBID = "5b11f4ce-a62d-471e-81fc-a69a8278c7da";
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private ScriptedServer server;
    private MusicBrainzClient client;

    @BeforeEach
    void start() {
        server = ScriptedServer.start();
        client = client(config());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void artistForSpotify_looksUpTheSpotifyLink_withTheContactInTheUserAgent() {
        server.json(
                """
                {"id":"url-mbid","resource":"https://open.spotify.com/artist/%s",
                 "relations":[{"type":"free streaming","target-type":"artist",
                   "artist":{"id":"%s","name":"Massive Attack"}}]}
                """
                        .formatted(SPOTIFY_ARTIST, MBID));

        assertThat(client.artistForSpotify(SPOTIFY_ARTIST))
                .contains(new MusicBrainzArtist(MBID, "Massive Attack"));
        Arrival request = server.only();
        assertThat(request.url().encodedPath()).isEqualTo("/ws/2/url");
        assertThat(request.url().queryParameter("resource"))
                .isEqualTo("https://open.spotify.com/artist/" + SPOTIFY_ARTIST);
        assertThat(request.url().queryParameter("inc")).isEqualTo("artist-rels");
        assertThat(request.url().queryParameter("fmt")).isEqualTo("json");
        assertThat(request.header("User-Agent"))
                .isEqualTo("SpotifyInsight/dev ( " + CONTACT + " )");
        assertThat(MusicBrainzClient.userAgent(CONTACT))
                .isEqualTo("SpotifyInsight/dev ( " + CONTACT + " )");
    }

    @Test
    void artistForSpotify_skipsRelationsThatDoNotTargetAnArtist() {
        server.json(
                """
                {"relations":[
                  {"type":"free streaming","target-type":"label","label":{"id":"x","name":"Label"}},
                  {"type":"free streaming","artist":{"id":"%s","name":"Massive Attack"}}]}
                """
                        .formatted(MBID));

        assertThat(client.artistForSpotify(SPOTIFY_ARTIST))
                .contains(new MusicBrainzArtist(MBID, "Massive Attack"));
    }

    @Test
    void artistForSpotify_isEmptyFor404_andForALinkWithoutArtist() {
        try (MusicBrainzClient second = client(config())) {
            server.json(404, "{\"error\":\"Not Found\"}");
            assertThat(client.artistForSpotify(SPOTIFY_ARTIST)).isEmpty();

            server.json("{\"id\":\"url-mbid\",\"relations\":[]}");
            assertThat(second.artistForSpotify(SPOTIFY_ARTIST)).isEqualTo(Optional.empty());
        }
    }

    @Test
    void artistGenres_areTheCuratedGenresMostVotedFirst_sentWithALiteralPlusInInc() {
        server.json(
                """
                {"id":"%s","name":"Massive Attack",
                 "genres":[{"name":"electronic","count":3,"id":"g1"},
                           {"name":"Trip Hop","count":7,"id":"g2"}],
                 "tags":[{"name":"british","count":9}]}
                """
                        .formatted(MBID));

        assertThat(client.artistGenres(MBID))
                .containsExactly(new Tag("trip hop", 7), new Tag("electronic", 3));
        Arrival request = server.only();
        assertThat(request.url().encodedPath()).isEqualTo("/ws/2/artist/" + MBID);
        assertThat(request.url().encodedQuery()).contains("inc=genres+tags").contains("fmt=json");
    }

    @Test
    void artistGenres_fallBackToTagsWhenThereAreNoGenres_andAreEmptyFor404() {
        try (MusicBrainzClient second = client(config())) {
            server.json(
                    "{\"id\":\""
                            + MBID
                            + "\",\"genres\":[],\"tags\":[{\"name\":\"british\",\"count\":2},"
                            + "{\"name\":\"bristol\",\"count\":\"5\"}]}");
            assertThat(client.artistGenres(MBID))
                    .containsExactly(new Tag("bristol", 5), new Tag("british", 2));

            server.json(404, "{\"error\":\"Not Found\"}");
            assertThat(second.artistGenres(MBID)).isEmpty();
        }
    }

    @Test
    void artistDetails_giveGenresAndTheSpotifyLink_ofTheUrlRelations_inOneRequest() {
        server.json(
                """
                {"id":"%s","name":"Massive Attack",
                 "genres":[{"name":"trip hop","count":7,"id":"g2"}],
                 "relations":[
                   {"type":"wikidata","target-type":"url",
                    "url":{"id":"u1","resource":"https://www.wikidata.org/wiki/Q11895"}},
                   {"type":"free streaming","target-type":"url",
                    "url":{"id":"u2","resource":"https://open.spotify.com/track/%s"}},
                   {"type":"member of band","target-type":"artist",
                    "artist":{"id":"%s","name":"Tricky"}},
                   {"type":"free streaming","target-type":"url",
                    "url":{"id":"u3","resource":"https://open.spotify.com/artist/%s?si=x"}}]}
                """
                        .formatted(MBID, SPOTIFY_ARTIST, OTHER_MBID, SPOTIFY_ARTIST));

        assertThat(client.artistDetails(MBID))
                .contains(
                        new MusicBrainzArtistDetails(
                                MBID,
                                "Massive Attack",
                                List.of(new Tag("trip hop", 7)),
                                SPOTIFY_ARTIST));
        Arrival request = server.only();
        assertThat(request.url().encodedPath()).isEqualTo("/ws/2/artist/" + MBID);
        assertThat(request.url().encodedQuery()).contains("inc=genres+tags+url-rels");
    }

    @Test
    void artistDetails_takeOnlyAWellFormedSpotifyArtistLink() {
        server.json(
                """
                {"id":"%s","name":"Massive Attack","relations":[
                  {"url":{"resource":"https://open.spotify.com/artist/short1"}},
                  {"url":{"resource":"https://example.org/artist/%s"}},
                  {"url":{"resource":"not a url"}},
                  {"url":{"resource":"https://open.spotify.com/intl-de/artist/%s"}}]}
                """
                        .formatted(MBID, SPOTIFY_ARTIST, SPOTIFY_ARTIST));

        assertThat(client.artistDetails(MBID).orElseThrow().spotifyArtistId())
                .isEqualTo(SPOTIFY_ARTIST);
    }

    @Test
    void artistDetails_withoutASpotifyLink_haveNone_andAreEmptyFor404() {
        server.json(
                "{\"id\":\""
                        + MBID
                        + "\",\"name\":\"Shara Nelson\",\"relations\":{\"type\":\"wikidata\","
                        + "\"url\":{\"resource\":\"https://www.wikidata.org/wiki/Q1\"}}}");
        assertThat(client.artistDetails(MBID))
                .contains(new MusicBrainzArtistDetails(MBID, "Shara Nelson", List.of(), null));

        try (MusicBrainzClient second = client(config())) {
            server.json(404, "{\"error\":\"Not Found\"}");
            assertThat(second.artistDetails(MBID)).isEmpty();
        }
    }

    @Test
    void artistsForIsrc_areEveryRecordingsCreditedArtistsOnce_inCreditOrder() {
        server.json(
                """
                {"isrc":"GBAAA9100001","recordings":[
                  {"id":"r1","title":"Unfinished","artist-credit":[
                    {"name":"Massive Attack","joinphrase":" feat. ",
                     "artist":{"id":"%s","name":"Massive Attack"}},
                    {"name":"Shara","joinphrase":"","artist":{"id":"%s","name":"Shara Nelson"}}]},
                  {"id":"r2","title":"Unfinished (remaster)","artist-credit":
                    {"name":"Massive Attack","artist":{"id":"%s","name":"Massive Attack"}}}]}
                """
                        .formatted(MBID, OTHER_MBID, MBID));

        assertThat(client.artistsForIsrc("gb-aaa-91-00001"))
                .containsExactly(
                        new MusicBrainzArtist(MBID, "Massive Attack"),
                        new MusicBrainzArtist(OTHER_MBID, "Shara Nelson"));
        Arrival request = server.only();
        assertThat(request.url().encodedPath()).isEqualTo("/ws/2/isrc/GBAAA9100001");
        assertThat(request.url().queryParameter("inc")).isEqualTo("artists");
        assertThat(request.url().queryParameter("fmt")).isEqualTo("json");
    }

    @Test
    void artistsForIsrc_areEmptyFor404_andForRecordingsWithoutCredits() {
        try (MusicBrainzClient second = client(config())) {
            server.json(404, "{\"error\":\"Not Found\"}");
            assertThat(client.artistsForIsrc("GBAAA9100001")).isEmpty();

            server.json(
                    "{\"isrc\":\"GBAAA9100001\",\"recordings\":[{\"id\":\"r1\",\"title\":\"x\"}]}");
            assertThat(second.artistsForIsrc("GBAAA9100001")).isEmpty();
        }
    }

    @Test
    void overLimitAnswers503And429_areRetried_stillOneSecondApart() {
        server.json(503, "{\"error\":\"Your requests are exceeding the allowable rate limit.\"}")
                .rateLimited(null)
                .json("{\"genres\":[{\"name\":\"trip hop\",\"count\":1}]}");

        assertThat(client.artistGenres(MBID)).containsExactly(new Tag("trip hop", 1));

        List<Arrival> arrivals = server.arrivals();
        assertThat(arrivals).hasSize(3);
        assertThat(arrivals.get(1).since(arrivals.get(0))).isGreaterThanOrEqualTo(ONE_SECOND);
        assertThat(arrivals.get(2).since(arrivals.get(1))).isGreaterThanOrEqualTo(ONE_SECOND);
    }

    @Test
    void persistent503EndsInARetryableServerError() {
        SourceConfig twoAttempts = config().toBuilder().retries(2, Duration.ofSeconds(5)).build();
        try (MusicBrainzClient impatient = client(twoAttempts)) {
            server.json(503, "{}").json(503, "{}");

            assertFails(
                            () -> impatient.artistGenres(MBID),
                            SourceServerException.class,
                            503,
                            true,
                            e -> assertThat(e.service()).isEqualTo(SourceService.MUSICBRAINZ))
                    .hasMessageContaining("MusicBrainz answered 503 for GET /artist/{mbid}");
        }
    }

    @Test
    void requestsFromManyThreadsAreAtLeastOneSecondApart_whateverTheConfigAllows()
            throws Exception {
        for (int i = 0; i < 3; i++) {
            server.json("{\"genres\":[]}");
        }
        try (MusicBrainzClient eager = client(config().toBuilder().requestsPerSecond(50).build())) {
            List<CompletableFuture<List<Tag>>> calls =
                    List.of(
                            CompletableFuture.supplyAsync(() -> eager.artistGenres(MBID)),
                            CompletableFuture.supplyAsync(() -> eager.artistGenres(MBID)),
                            CompletableFuture.supplyAsync(() -> eager.artistGenres(MBID)));
            for (CompletableFuture<List<Tag>> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isEmpty();
            }
        }
        List<Arrival> arrivals = server.arrivals();
        assertThat(arrivals).hasSize(3);
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(arrivals.get(i).since(arrivals.get(i - 1)))
                    .isGreaterThanOrEqualTo(ONE_SECOND);
        }
    }

    @Test
    void aConfiguredRateBelowOnePerSecondIsKept_anythingFasterIsCapped() {
        assertThat(MusicBrainzClient.requestsPerSecond(0.5)).isEqualTo(0.5);
        assertThat(MusicBrainzClient.requestsPerSecond(0)).isEqualTo(1000.0 / 1050);
        assertThat(MusicBrainzClient.requestsPerSecond(3)).isEqualTo(1000.0 / 1050);
    }

    @Test
    void invalidInputsAndContacts_areRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> client.artistForSpotify("spotify:artist:" + SPOTIFY_ARTIST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bare Spotify id");
        assertThatThrownBy(() -> client.artistGenres("Massive Attack"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UUID");
        assertThat(MusicBrainzClient.isIsrc("us-ug1-21-03683")).isTrue();
        assertThat(MusicBrainzClient.isIsrc("USUG1210368")).isFalse();
        assertThat(MusicBrainzClient.isIsrc("")).isFalse();
        assertThat(MusicBrainzClient.isIsrc(null)).isFalse();
        assertThatThrownBy(() -> client.artistsForIsrc("USUG1210368"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISRC of 12 characters");
        assertThatThrownBy(() -> MusicBrainzClient.userAgent(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e-mail address or URL");
        assertThatThrownBy(
                        () -> new MusicBrainzClient(config(), "me\r\nX-Evil: 1", TestSources.HTTP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("printable ASCII");
        assertThat(server.arrivals()).isEmpty();
    }

    private SourceConfig config() {
        return TestSources.config(server.baseUrl("/ws/2"));
    }

    private static MusicBrainzClient client(SourceConfig config) {
        return new MusicBrainzClient(config, CONTACT, TestSources.HTTP, TestSources.FAST);
    }
}
