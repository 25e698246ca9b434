package io.spotifyinsight.sources;

import static io.spotifyinsight.sources.ScriptedServer.waitUntil;
import static io.spotifyinsight.spotify.error.ServiceErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.sources.ScriptedServer.Arrival;
import io.spotifyinsight.sources.error.SourceDecodingException;
import io.spotifyinsight.sources.error.SourceRateLimitedException;
import io.spotifyinsight.sources.error.SourceRequestException;
import io.spotifyinsight.sources.error.SourceServerException;
import io.spotifyinsight.sources.error.SourceTransportException;
import io.spotifyinsight.spotify.internal.RetryAfter;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReccoBeatsClientTest {

    private static final String SEED = "4iV5W9uYEdYUVa79Axb7Rh";
    private static final String SEED2 = "1301WleyT98MSxVHPZCA6M";
    private static final String ARTIST = "0OdUWJ0sBjDrqHygGUXeCF";
    private static final String UUID = "0b2cf5a0-1d2c-4f4e-9e8f-1a2b3c4d5e6f";

    private static final String RECOMMENDATION =
            """
            {"content":[{"id":"a1b2c3d4-0000-0000-0000-000000000001","trackTitle":"Kids",
              "artists":[{"id":"a1b2c3d4-0000-0000-0000-0000000000aa","name":"MGMT",
                          "href":"https://open.spotify.com/artist/0SwO7SWeDHJijQ3XNS7xEE"}],
              "durationMs":258812,"isrc":"USUG12103683",
              "href":"https://open.spotify.com/track/1jJci4qxiYcOHhQR247rEU","popularity":69}]}
            """;

    private ScriptedServer server;
    private ReccoBeatsClient client;

    @BeforeEach
    void start() {
        server = ScriptedServer.start();
        client = client(TestSources.config(server.baseUrl("/v1")));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void recommendations_readTheContentWrapper_andSendSeedsAsRepeatedParameters() {
        server.json(RECOMMENDATION);

        List<SourceTrack> tracks = client.recommendations(List.of(SEED, SEED2), 25);

        assertThat(tracks)
                .containsExactly(
                        new SourceTrack(
                                "1jJci4qxiYcOHhQR247rEU",
                                "Kids",
                                List.of(new SourceArtist("0SwO7SWeDHJijQ3XNS7xEE", "MGMT")),
                                258812,
                                "USUG12103683"));
        Arrival request = server.only();
        assertThat(request.url().encodedPath()).isEqualTo("/v1/track/recommendation");
        assertThat(request.url().queryParameter("size")).isEqualTo("25");
        assertThat(request.url().queryParameterValues("seeds")).containsExactly(SEED, SEED2);
        assertThat(request.header("User-Agent"))
                .isEqualTo("SpotifyInsight/dev (+https://github.com/spotify-insight)");
    }

    @Test
    void recommendations_takeIdsFromHrefsWithQueries_acceptStringNumbers_andSkipItemsWithoutHref() {
        server.json(
                """
                {"content":[
                  {"id":"u1","trackTitle":"No link","artists":[],"durationMs":1000},
                  {"id":"u2","trackTitle":"Shared","durationMs":"200000",
                   "href":"https://open.spotify.com/track/1jJci4qxiYcOHhQR247rEU?si=abc123",
                   "artists":{"id":"u3","name":"Solo"}},
                  {"id":"u4","trackTitle":"Bad link","href":"not a link","artists":[]}
                ]}
                """);

        List<SourceTrack> tracks = client.recommendations(List.of(SEED), 3);

        assertThat(tracks)
                .containsExactly(
                        new SourceTrack(
                                "1jJci4qxiYcOHhQR247rEU",
                                "Shared",
                                List.of(new SourceArtist(null, "Solo")),
                                200000,
                                null));
    }

    @Test
    void unknownSeeds_giveAnEmptyList_whether400WithAnErrorBody_or200WithNoItems() {
        server.json(400, "{\"error\":\"Bad Request\",\"message\":\"Invalid seeds\"}");
        server.json("{\"content\":[]}");
        server.json("{}");

        assertThat(client.recommendations(List.of(SEED), 5)).isEmpty();
        assertThat(client.recommendations(List.of(SEED), 5)).isEmpty();
        assertThat(client.recommendations(List.of(SEED), 5)).isEmpty();
        assertThat(server.arrivals()).hasSize(3); // a 400 is not retried
    }

    @Test
    void artists_sendIdsCommaSeparated_andReadSpotifyIdsFromHrefs() {
        server.json(
                """
                {"content":[{"id":"%s","name":"Coldplay",
                  "href":"https://open.spotify.com/artist/%s"}]}
                """
                        .formatted(UUID, ARTIST));

        List<ReccoArtist> artists = client.artists(List.of(ARTIST, SEED));

        assertThat(artists).containsExactly(new ReccoArtist(UUID, ARTIST, "Coldplay"));
        Arrival request = server.only();
        assertThat(request.url().encodedPath()).isEqualTo("/v1/artist");
        assertThat(request.url().queryParameter("ids")).isEqualTo(ARTIST + "," + SEED);
    }

    @Test
    void artistTracks_askForPageZeroOfTheUuidsTracks() {
        server.json(RECOMMENDATION.replace("]}", "],\"page\":0,\"size\":10,\"totalPages\":\"1\"}"));

        List<SourceTrack> tracks = client.artistTracks(UUID, 10);

        assertThat(tracks)
                .extracting(SourceTrack::spotifyId)
                .containsExactly("1jJci4qxiYcOHhQR247rEU");
        Arrival request = server.only();
        assertThat(request.url().encodedPath()).isEqualTo("/v1/artist/" + UUID + "/track");
        assertThat(request.url().queryParameter("page")).isEqualTo("0");
        assertThat(request.url().queryParameter("size")).isEqualTo("10");
    }

    @Test
    void invalidInputs_areRejectedBeforeAnyRequest_sayingWhatIsAccepted() {
        assertThatThrownBy(() -> client.recommendations(List.of(), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 5");
        assertThatThrownBy(() -> client.recommendations(Collections.nCopies(6, SEED), 5))
                .hasMessageContaining("1 to 5");
        assertThatThrownBy(() -> client.recommendations(List.of("spotify:track:x"), 5))
                .hasMessageContaining("Spotify track ids");
        assertThatThrownBy(() -> client.recommendations(List.of(SEED), 0))
                .hasMessageContaining("size must be between 1 and 100");
        assertThatThrownBy(() -> client.recommendations(List.of(SEED), 101))
                .hasMessageContaining("size must be between 1 and 100");
        assertThatThrownBy(() -> client.artists(Collections.nCopies(41, ARTIST)))
                .hasMessageContaining("1 to 40");
        assertThatThrownBy(() -> client.artistTracks("not-a-uuid", 5)).hasMessageContaining("UUID");
        assertThatThrownBy(() -> client.artistTracks(UUID, 51))
                .hasMessageContaining("between 1 and 50");
        assertThat(server.arrivals()).isEmpty();
    }

    @Test
    void serverErrorsAreRetriedUntilReccoBeatsRecovers() {
        server.json(503, "{}").json(500, "").json(RECOMMENDATION);

        assertThat(client.recommendations(List.of(SEED), 5)).hasSize(1);
        assertThat(server.arrivals()).hasSize(3);
    }

    @Test
    void persistentServerErrorsEndInARetryableServerErrorAfterMaxAttempts() {
        server.json(502, "{}").json(502, "{}").json(502, "{}");

        assertFails(
                        () -> client.artists(List.of(ARTIST)),
                        SourceServerException.class,
                        502,
                        true,
                        e -> assertThat(e.service()).isEqualTo(SourceService.RECCOBEATS))
                .hasMessageContaining("ReccoBeats answered 502 for GET /v1/artist")
                .hasMessageNotContaining("ids=");
        assertThat(server.arrivals()).hasSize(3);
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        server.json(403, "{}");

        assertThatThrownBy(() -> client.artists(List.of(ARTIST)))
                .isInstanceOfSatisfying(
                        SourceRequestException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(server.arrivals()).hasSize(1);
    }

    @Test
    void malformedOrMisshapenJsonIsADecodingErrorNamingTheProblem_andNotRetried() {
        server.json("{\"content\":[{\"trackTitle\":\"Trunc");
        server.json("{\"content\":\"oops\"}");
        server.json(
                "{\"content\":[{\"href\":"
                        + "\"https://open.spotify.com/track/1jJci4qxiYcOHhQR247rEU\"}]}");

        assertThatThrownBy(() -> client.recommendations(List.of(SEED), 5))
                .isInstanceOfSatisfying(
                        SourceDecodingException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> client.recommendations(List.of(SEED), 5))
                .isInstanceOf(SourceDecodingException.class)
                .hasMessageContaining("content should be an array or an object but is string");
        assertThatThrownBy(() -> client.recommendations(List.of(SEED), 5))
                .isInstanceOf(SourceDecodingException.class)
                .hasMessageContaining("content[0].trackTitle should be a non-empty string");
        assertThat(server.arrivals()).hasSize(3);
    }

    @Test
    void a429PausesEveryCallerOfTheClient_soNoRequestIsSentDuringRetryAfter() throws Exception {
        // after the pause the two callers race: one body that reads as a track and an artist
        String either =
                "{\"content\":[{\"id\":\"%s\",\"name\":\"X\",\"trackTitle\":\"Kids\",\"href\":"
                                .formatted(UUID)
                        + "\"https://open.spotify.com/track/1jJci4qxiYcOHhQR247rEU\"}]}";
        server.rateLimited("1").json(either).json(either);
        CompletableFuture<List<SourceTrack>> first =
                CompletableFuture.supplyAsync(() -> client.recommendations(List.of(SEED), 5));
        waitUntil(() -> !client.rateLimitPause().isZero());

        client.artists(List.of(ARTIST)); // another caller, another endpoint
        assertThat(first.get(5, TimeUnit.SECONDS)).hasSize(1);

        List<Arrival> arrivals = server.arrivals();
        assertThat(arrivals).hasSize(3);
        assertThat(arrivals.get(1).since(arrivals.get(0)))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(arrivals.get(2).since(arrivals.get(0)))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void hugeRetryAfterFailsAtOnceWithoutSleeping_andLaterCallsFailFastWithoutARequest() {
        server.rateLimited("99999999999999999999999");
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.recommendations(List.of(SEED), 5))
                .isInstanceOfSatisfying(
                        SourceRateLimitedException.class,
                        e -> {
                            assertThat(e.retryAfter()).isEqualTo(RetryAfter.MAX);
                            assertThat(e.retryable()).isTrue();
                            assertThat(e.status()).isEqualTo(429);
                        });
        assertThatThrownBy(() -> client.artists(List.of(ARTIST)))
                .isInstanceOf(SourceRateLimitedException.class)
                .hasMessageContaining("longer than the remaining retry budget");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(server.arrivals()).hasSize(1);
    }

    @Test
    void garbageRetryAfterIsIgnored_andTheBackoffAloneSpacesTheRetry() {
        server.rateLimited("soon, maybe").json(RECOMMENDATION);

        assertThat(client.recommendations(List.of(SEED), 5)).hasSize(1);
        assertThat(server.arrivals()).hasSize(2);
        assertThat(client.rateLimitPause()).isZero();
    }

    @Test
    void slowAnswersTimeOut_areRetried_andEndInATransportError() {
        SourceConfig impatient =
                TestSources.builder(server.baseUrl("/v1"))
                        .retries(2, Duration.ofSeconds(5))
                        .timeouts(
                                Duration.ofMillis(200),
                                Duration.ofMillis(200),
                                Duration.ofMillis(300))
                        .build();
        server.slow(Duration.ofSeconds(1), RECOMMENDATION)
                .slow(Duration.ofSeconds(1), RECOMMENDATION);

        try (ReccoBeatsClient slowClient = client(impatient)) {
            assertFails(
                            () -> slowClient.recommendations(List.of(SEED), 5),
                            SourceTransportException.class,
                            0,
                            true)
                    .hasMessageContaining("GET /v1/track/recommendation")
                    .hasMessageNotContaining("seeds=");
        }
        assertThat(server.arrivals()).hasSize(2);
    }

    @Test
    void timeoutFollowedByAFastAnswerRecovers() {
        SourceConfig impatient =
                TestSources.builder(server.baseUrl("/v1"))
                        .timeouts(
                                Duration.ofMillis(200),
                                Duration.ofMillis(200),
                                Duration.ofMillis(300))
                        .build();
        server.slow(Duration.ofSeconds(1), RECOMMENDATION).json(RECOMMENDATION);

        try (ReccoBeatsClient slowClient = client(impatient)) {
            assertThat(slowClient.recommendations(List.of(SEED), 5)).hasSize(1);
        }
    }

    @Test
    void clientSideRateLimitSpacesRequests() {
        try (ReccoBeatsClient limited =
                client(TestSources.builder(server.baseUrl("/v1")).requestsPerSecond(20).build())) {
            for (int i = 0; i < 6; i++) {
                server.json("{\"content\":[]}");
                limited.recommendations(List.of(SEED), 5);
            }
        }
        List<Arrival> arrivals = server.arrivals();
        // 5 intervals of 50 ms; the margin absorbs jitter between the permit and the arrival
        assertThat(arrivals.get(5).since(arrivals.get(0)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    private static ReccoBeatsClient client(SourceConfig config) {
        return new ReccoBeatsClient(config, TestSources.HTTP, TestSources.FAST);
    }
}
