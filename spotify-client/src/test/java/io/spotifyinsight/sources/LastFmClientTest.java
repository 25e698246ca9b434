package io.spotifyinsight.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.sources.ScriptedServer.Arrival;
import io.spotifyinsight.sources.error.SourceException;
import io.spotifyinsight.sources.error.SourceKeyException;
import io.spotifyinsight.sources.error.SourceRateLimitedException;
import io.spotifyinsight.sources.error.SourceRequestException;
import io.spotifyinsight.sources.error.SourceServerException;
import io.spotifyinsight.sources.error.SourceTransportException;
import io.spotifyinsight.spotify.fake.LogCapture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LastFmClientTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    private ScriptedServer server;
    private LastFmClient client;

    @BeforeEach
    void start() {
        server = ScriptedServer.start();
        client = new LastFmClient(config(), KEY, TestSources.HTTP, TestSources.FAST);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void similarArtists_sendMethodKeyFormatAndAutocorrect_andReadStringMatchesAndEmptyMbids() {
        server.json(
                """
                {"similarartists":{"artist":[
                  {"name":"Megadeth","mbid":"a9044915-8be3-4c7e-b11f-9e2d2ea0a91e","match":"1",
                   "url":"https://www.last.fm/music/Megadeth","image":[]},
                  {"name":"Anthrax","mbid":"","match":0.75}
                ],"@attr":{"artist":"Metallica"}}}
                """);

        List<SimilarArtist> similar = client.similarArtists("Metallica", 30);

        assertThat(similar)
                .containsExactly(
                        new SimilarArtist("Megadeth", "a9044915-8be3-4c7e-b11f-9e2d2ea0a91e", 1.0),
                        new SimilarArtist("Anthrax", null, 0.75));
        Arrival request = server.only();
        assertThat(request.url().encodedPath()).isEqualTo("/2.0/");
        assertThat(request.url().queryParameter("method")).isEqualTo("artist.getSimilar");
        assertThat(request.url().queryParameter("api_key")).isEqualTo(KEY);
        assertThat(request.url().queryParameter("format")).isEqualTo("json");
        assertThat(request.url().queryParameter("autocorrect")).isEqualTo("1");
        assertThat(request.url().queryParameter("artist")).isEqualTo("Metallica");
        assertThat(request.url().queryParameter("limit")).isEqualTo("30");
        assertThat(request.header("User-Agent"))
                .isEqualTo("SpotifyInsight/dev (+https://github.com/spotify-insight)");
    }

    @Test
    void aOneElementListArrivingAsASingleObject_isAListOfOne() {
        server.json(
                "{\"similarartists\":{\"artist\":{\"name\":\"Megadeth\",\"match\":\"0.5\"},"
                        + "\"@attr\":{\"artist\":\"Metallica\"}}}");

        assertThat(client.similarArtists("Metallica", 5))
                .containsExactly(new SimilarArtist("Megadeth", null, 0.5));
    }

    @Test
    void missingOrEmptySimilarArtists_giveAnEmptyList() {
        server.json("{\"similarartists\":{\"@attr\":{\"artist\":\"Nobody\"}}}");
        server.json("{\"similarartists\":{\"artist\":[],\"@attr\":{\"artist\":\"Nobody\"}}}");
        server.json("{\"similarartists\":{\"artist\":\"\",\"@attr\":{\"artist\":\"Nobody\"}}}");

        assertThat(client.similarArtists("Nobody", 5)).isEmpty();
        assertThat(client.similarArtists("Nobody", 5)).isEmpty();
        assertThat(client.similarArtists("Nobody", 5)).isEmpty();
    }

    @Test
    void artistTopTags_areTrimmedLowerCasedAndHeaviestFirst_withStringOrNumberCounts() {
        server.json(
                """
                {"toptags":{"tag":[
                  {"count":"40","name":" Speed Metal ","url":"..."},
                  {"count":100,"name":"thrash metal","url":"..."},
                  {"count":0,"name":"","url":"..."}
                ],"@attr":{"artist":"Metallica"}}}
                """);

        assertThat(client.artistTopTags("Metallica"))
                .containsExactly(new Tag("thrash metal", 100), new Tag("speed metal", 40));
        assertThat(server.only().url().queryParameter("method")).isEqualTo("artist.getTopTags");
        assertThat(server.only().url().queryParameter("autocorrect")).isEqualTo("1");
    }

    @Test
    void tagTopTracks_readNamesAndArtists_withStringDurationsAndRanks() {
        server.json(
                """
                {"tracks":{"track":[{"name":"Chop Suey!","duration":"208","mbid":"","url":"...",
                  "artist":{"name":"System of a Down","mbid":"cc0b7089-c08d-4c10-b6b0-873582c17fd6",
                            "url":"..."},
                  "@attr":{"rank":"1"}}],
                  "@attr":{"tag":"metal","page":"1","perPage":"50","totalPages":"3316",
                           "total":"165756"}}}
                """);

        assertThat(client.tagTopTracks("metal", 50))
                .containsExactly(
                        new NamedTrack(
                                "Chop Suey!",
                                "System of a Down",
                                "cc0b7089-c08d-4c10-b6b0-873582c17fd6",
                                0));
        Arrival request = server.only();
        assertThat(request.url().queryParameter("method")).isEqualTo("tag.getTopTracks");
        assertThat(request.url().queryParameter("tag")).isEqualTo("metal");
    }

    @Test
    void similarTracks_readNumericMatches_andAnUnknownTrackGivesAnEmptyList() {
        server.json(
                """
                {"similartracks":{"track":[{"name":"Wherever I May Roam","mbid":"","match":1,
                  "url":"...","duration":278,"artist":{"name":"Metallica","mbid":"","url":"..."}},
                  {"name":"Sad","match":"0.25","artist":{"name":"Metallica"}}],
                  "@attr":{"artist":"Metallica"}}}
                """);
        server.json("{\"similartracks\":{\"track\":[],\"@attr\":{\"artist\":\"Metallica\"}}}");

        assertThat(client.similarTracks("Metallica", "Enter Sandman", 10))
                .containsExactly(
                        new NamedTrack("Wherever I May Roam", "Metallica", 1.0),
                        new NamedTrack("Sad", "Metallica", 0.25));
        assertThat(client.similarTracks("Metallica", "No Such Song", 10)).isEmpty();
        Arrival request = server.arrivals().get(0);
        assertThat(request.url().queryParameter("method")).isEqualTo("track.getSimilar");
        assertThat(request.url().queryParameter("track")).isEqualTo("Enter Sandman");
        assertThat(request.url().queryParameter("autocorrect")).isEqualTo("1");
    }

    @Test
    void error6NotFound_inAnHttp200Body_givesAnEmptyList_evenWithTheCodeAsAString() {
        server.json(
                "{\"error\":6,\"message\":\"The artist you supplied could not be"
                        + " found\",\"links\":[]}");
        server.json("{\"error\":\"6\",\"message\":\"Track not found\"}");
        server.json(404, "{\"error\":6,\"message\":\"Tag not found\"}");

        assertThat(client.similarArtists("Nobody", 5)).isEmpty();
        assertThat(client.similarTracks("Nobody", "Nothing", 5)).isEmpty();
        assertThat(client.tagTopTracks("nothing", 5)).isEmpty();
        assertThat(server.arrivals()).hasSize(3);
    }

    @Test
    void invalidKey_error10_isAKeyErrorNamingTheVariable_neverTheKey_andNotRetried() {
        server.json(
                "{\"error\":10,\"message\":\"Invalid API key - You must be granted a valid key by"
                        + " last.fm (got "
                        + KEY
                        + ")\"}");

        assertThatThrownBy(() -> client.artistTopTags("Metallica"))
                .isInstanceOfSatisfying(
                        SourceKeyException.class,
                        e -> {
                            assertThat(e.retryable()).isFalse();
                            assertThat(e.errorCode()).isEqualTo(10);
                            assertThat(e.service()).isEqualTo(SourceService.LASTFM);
                        })
                .hasMessageContaining("LASTFM_API_KEY")
                .hasMessageContaining("invalid")
                .hasMessageNotContaining(KEY);
        assertThat(server.arrivals()).hasSize(1);
    }

    @Test
    void suspendedKey_error26_withA4xxStatus_isAKeyErrorToo() {
        server.json(403, "{\"error\":26,\"message\":\"Suspended API key\"}");

        assertThatThrownBy(() -> client.similarArtists("Metallica", 5))
                .isInstanceOf(SourceKeyException.class)
                .hasMessageContaining("suspended")
                .hasMessageContaining("LASTFM_API_KEY");
        assertThat(server.arrivals()).hasSize(1);
    }

    @Test
    void rateLimitError29_inAnHttp200Body_isRetried_andPersistingEndsRateLimited() {
        String limited = "{\"error\":29,\"message\":\"Rate limit exceeded\"}";
        server.json(limited).json("{\"toptags\":{\"tag\":{\"name\":\"metal\",\"count\":\"7\"}}}");

        assertThat(client.artistTopTags("Metallica")).containsExactly(new Tag("metal", 7));

        server.json(limited).json(limited).json(limited);
        assertTopTagsFail(SourceRateLimitedException.class, true, "error 29");
        assertThat(server.arrivals()).hasSize(5);
    }

    @Test
    void otherLastFmErrors_areRequestErrors_andOutagesAreRetried() {
        server.json("{\"error\":8,\"message\":\"Operation failed\"}")
                .json("{\"toptags\":{\"tag\":[]}}")
                .json("{\"error\":7,\"message\":\"Invalid resource specified\"}");

        assertThat(client.artistTopTags("Metallica")).isEmpty();
        assertTopTagsFail(SourceRequestException.class, false, "error 7");
        assertThat(server.arrivals()).hasSize(3);
    }

    @Test
    void serverErrorsAreRetried_andNoMessageOrLogLineEverShowsTheKey() {
        LogCapture logs = LogCapture.debug("io.spotifyinsight.sources");
        try (logs) {
            server.json(500, "{}").json("{\"toptags\":{\"tag\":[]}}");
            assertThat(client.artistTopTags("Metallica")).isEmpty();

            server.json(503, "oops").json(503, "oops").json(503, "oops");
            assertThatThrownBy(() -> client.similarArtists("Metallica", 5))
                    .isInstanceOf(SourceServerException.class)
                    .hasMessageContaining("Last.fm answered 503 for GET artist.getSimilar")
                    .hasMessageNotContaining(KEY)
                    .hasMessageNotContaining("?");
        }
        assertThat(logs.messages()).isNotEmpty();
        assertThat(logs.messages()).allSatisfy(line -> assertThat(line).doesNotContain(KEY));
        assertThat(logs.messages()).anySatisfy(line -> assertThat(line).contains("api_key=***"));
    }

    @Test
    void transportErrorsNeverShowTheKey() {
        String deadUrl = server.baseUrl("/2.0/");
        server.close();
        try (LastFmClient offline =
                new LastFmClient(
                        TestSources.builder(deadUrl).retries(2, Duration.ofSeconds(2)).build(),
                        KEY,
                        TestSources.HTTP,
                        TestSources.FAST)) {
            assertThatThrownBy(() -> offline.similarArtists("Metallica", 5))
                    .isInstanceOfSatisfying(
                            SourceTransportException.class, e -> assertThat(e.status()).isZero())
                    .hasMessageNotContaining(KEY)
                    .hasMessageNotContaining("api_key");
        }
    }

    @Test
    void theKeyIsNeitherInToStringNorInTheMessageOfAnInvalidKey() {
        assertThat(client.toString()).doesNotContain(KEY).contains("apiKey=<redacted>");
        assertThatThrownBy(() -> new LastFmClient(config(), "abc def" + KEY, TestSources.HTTP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LASTFM_API_KEY")
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> new LastFmClient(config(), " ", TestSources.HTTP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
    }

    @Test
    void invalidInputs_areRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> client.similarArtists(" ", 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("artistName must be a non-blank name");
        assertThatThrownBy(() -> client.similarArtists("Metallica", 0))
                .hasMessageContaining("limit must be between 1 and 1000");
        assertThatThrownBy(() -> client.tagTopTracks("metal", 1001))
                .hasMessageContaining("limit must be between 1 and 1000");
        assertThatThrownBy(() -> client.artistTopTags(null)).hasMessageContaining("artistName");
        assertThatThrownBy(() -> client.similarTracks("Metallica", "", 5))
                .hasMessageContaining("track must be a non-blank name");
        assertThat(server.arrivals()).isEmpty();
    }

    /** Asserts that the top tags of Metallica fail with {@code type}, as retryable as given. */
    private void assertTopTagsFail(
            Class<? extends SourceException> type, boolean retryable, String message) {
        assertThatThrownBy(() -> client.artistTopTags("Metallica"))
                .isInstanceOfSatisfying(type, e -> assertThat(e.retryable()).isEqualTo(retryable))
                .hasMessageContaining(message);
    }

    private SourceConfig config() {
        return TestSources.config(server.baseUrl("/2.0/"));
    }
}
