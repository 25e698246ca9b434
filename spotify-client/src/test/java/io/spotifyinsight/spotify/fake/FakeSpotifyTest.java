package io.spotifyinsight.spotify.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The fake's own contract, checked with a plain HTTP client so it does not lean on ours. */
class FakeSpotifyTest extends WithFakeSpotify {

    private static final OkHttpClient HTTP = new OkHttpClient();

    @AfterAll
    static void release() {
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    @Test
    void catalogueIsDeterministicWithRealisticIdsAndEveryGenreCovered() {
        FakeCatalog one = FakeCatalog.standard();
        FakeCatalog two = FakeCatalog.standard();

        assertThat(one.tracks()).isEqualTo(two.tracks());
        assertThat(one.artists()).hasSize(300);
        assertThat(one.genres()).hasSize(126);
        assertThat(one.genres()).allSatisfy(g -> assertThat(one.artistsIn(g)).isNotEmpty());
        assertThat(one.tracks())
                .allSatisfy(t -> assertThat(t.id()).matches("^[0-7][0-9A-Za-z]{21}$"));
        assertThat(one.artists())
                .allSatisfy(a -> assertThat(a.id()).matches("^[0-7][0-9A-Za-z]{21}$"));
    }

    @Test
    void catalogueNamesIncludeAccentsCjkAndEmojiOutsideTheBmp() {
        List<String> names =
                FakeCatalog.standard().tracks().stream().map(CatalogTrack::name).toList();

        assertThat(names).anySatisfy(n -> assertThat(n).containsAnyOf("é", "ñ", "ü", "å"));
        assertThat(names).anySatisfy(n -> assertThat(n).containsAnyOf("夜明け", "東京", "사랑"));
        assertThat(names)
                .anySatisfy(n -> assertThat(n.codePoints().anyMatch(c -> c > 0xFFFF)).isTrue());
    }

    @Test
    void tokenEndpointAcceptsBasicAuth() throws IOException {
        JsonNode token = basicAuthToken(fake.clientId(), fake.clientSecret(), 200);

        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(token.get("access_token").asText()).isNotBlank();
    }

    @Test
    void tokenEndpointAcceptsCredentialsInTheFormBodyAndGrantTypeInTheQuery() throws IOException {
        Request request =
                new Request.Builder()
                        .url(fake.accountsUrl() + "/api/token?grant_type=client_credentials")
                        .post(
                                new FormBody.Builder()
                                        .add("client_id", fake.clientId())
                                        .add("client_secret", fake.clientSecret())
                                        .build())
                        .build();

        try (Response response = HTTP.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
    }

    @Test
    void tokenEndpointRejectsWrongCredentialsAndMissingGrantTypeInOAuthShape() throws IOException {
        JsonNode wrongSecret = basicAuthToken(fake.clientId(), "nope", 400);
        JsonNode unknownId = basicAuthToken("stranger", fake.clientSecret(), 400);
        JsonNode jsonBody =
                json(
                        post(
                                basicAuth(fake.clientId(), fake.clientSecret()),
                                RequestBody.create(
                                        "{\"grant_type\":\"client_credentials\"}",
                                        MediaType.get("application/json"))),
                        400);

        assertThat(wrongSecret.toString())
                .isEqualTo(
                        "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client"
                                + " secret\"}");
        assertThat(unknownId.get("error_description").asText()).isEqualTo("Invalid client");
        assertThat(jsonBody.get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void apiRejectsMissingAndExpiredTokensWith401() throws IOException {
        try (Response response = get("/search?q=jazz&type=track", null)) {
            assertThat(response.code()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"spotify\"");
        }
        String token = token();
        fake.expireTokens();
        try (Response response = get("/search?q=jazz&type=track", token)) {
            assertThat(response.code()).isEqualTo(401);
            assertThat(response.body().string()).contains("The access token expired");
        }
    }

    @Test
    void tokensExpireAfterTheConfiguredLifetime() throws Exception {
        fake.setTokenLifetime(Duration.ofMillis(200));
        String token = token();
        try (Response response = get("/recommendations/available-genre-seeds", token)) {
            assertThat(response.code()).isEqualTo(200);
        }
        spotify.clock().advance(Duration.ofMillis(199));
        try (Response response = get("/recommendations/available-genre-seeds", token)) {
            assertThat(response.code()).as("1 ms before expiry").isEqualTo(200);
        }
        spotify.clock().advance(Duration.ofMillis(1));
        try (Response response = get("/recommendations/available-genre-seeds", token)) {
            assertThat(response.code()).isEqualTo(401);
            assertThat(response.body().string()).contains("The access token expired");
        }
    }

    @Test
    void searchDefaultsAndLimitsFollowTheMode() throws IOException {
        String token = token();
        assertThat(
                        json(get("/search?q=genre:pop&type=track", token), 200)
                                .at("/tracks/limit")
                                .asInt())
                .isEqualTo(20);
        assertThat(
                        json(get("/search?q=genre:pop&type=track&limit=50", token), 200)
                                .at("/tracks/items")
                                .size())
                .isLessThanOrEqualTo(50);

        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);
        assertThat(
                        json(get("/search?q=genre:pop&type=track", token), 200)
                                .at("/tracks/limit")
                                .asInt())
                .isEqualTo(5);
        assertThat(json(get("/search?q=genre:pop&type=track&limit=11", token), 400).toString())
                .isEqualTo("{\"error\":{\"status\":400,\"message\":\"Invalid limit\"}}");
        assertThat(
                        json(get("/search?q=genre:pop&type=track&offset=1001", token), 400)
                                .at("/error/message")
                                .asText())
                .isEqualTo("Invalid offset");
    }

    @Test
    void searchUnderstandsYearRangesNegationAndAccentInsensitiveWords() throws IOException {
        String token = token();
        JsonNode eighties = json(get("/search?q=year:1980-1989&type=track&limit=50", token), 200);
        assertThat(eighties.at("/tracks/items"))
                .allSatisfy(
                        t ->
                                assertThat(t.at("/album/release_date").asText().substring(0, 4))
                                        .startsWith("198"));

        int cafe = json(get("/search?q=cafe&type=track", token), 200).at("/tracks/total").asInt();
        int notCafe =
                json(get("/search?q=NOT%20cafe&type=track", token), 200)
                        .at("/tracks/total")
                        .asInt();
        assertThat(cafe).isPositive();
        assertThat(cafe + notCafe).isEqualTo(fake.catalog().tracks().size());
    }

    @Test
    void recommendationsValidateSeedsLikeSpotify() throws IOException {
        String token = token();
        String a = fake.catalog().someArtistId();

        assertThat(json(get("/recommendations?seed_genres=a,b,c,d,e,f", token), 400).toString())
                .isEqualTo("{\"error\":{\"status\":400,\"message\":\"invalid request\"}}");
        assertThat(json(get("/recommendations", token), 400).at("/error/message").asText())
                .isEqualTo("invalid request");
        JsonNode ok = json(get("/recommendations?limit=3&seed_artists=" + a, token), 200);
        assertThat(ok.get("tracks")).hasSize(3);
        assertThat(ok.at("/seeds/0/type").asText()).isEqualTo("ARTIST");
        assertThat(ok.at("/tracks/0/album/album_type").asText()).isUpperCase();
        assertThat(ok.at("/tracks/0/album/images")).hasSize(3);
    }

    @Test
    void developmentModeHidesRecommendationsAndRemovedFields() throws IOException {
        String token = token();
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);

        try (Response response = get("/recommendations?seed_genres=jazz", token)) {
            assertThat(response.code()).isEqualTo(404);
            assertThat(response.body().string()).isEmpty();
        }
        JsonNode track = json(get("/tracks/" + fake.catalog().someTrackId(), token), 200);
        assertThat(track.has("popularity")).isFalse();
        assertThat(track.has("available_markets")).isFalse();
        fake.setRecommendationsUnavailableStatus(403);
        assertThat(json(get("/recommendations/available-genre-seeds", token), 403).toString())
                .isEqualTo("{\"error\":{\"status\":403}}");
    }

    @Test
    void requestLogRecordsMethodPathQueryTimeAndStatusAndCanBeReset() throws IOException {
        String token = token();
        fake.failNext(1, 503);
        get("/search?q=genre:jazz&type=track&limit=2", token).close();

        List<RecordedCall> calls = fake.requests();
        assertThat(calls).hasSize(2);
        RecordedCall search = calls.get(1);
        assertThat(search.method()).isEqualTo("GET");
        assertThat(search.path()).isEqualTo("/v1/search");
        assertThat(search.query()).containsEntry("q", "genre:jazz").containsEntry("limit", "2");
        assertThat(search.status()).isEqualTo(503);
        assertThat(search.receivedAt()).isAfterOrEqualTo(calls.get(0).receivedAt());
        fake.resetLog();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void rollingWindowRateLimitAnswers429WithRetryAfter() throws IOException {
        String token = token();
        fake.setRateLimit(2, Duration.ofSeconds(1));

        get("/recommendations/available-genre-seeds", token).close();
        get("/recommendations/available-genre-seeds", token).close();
        try (Response response = get("/recommendations/available-genre-seeds", token)) {
            assertThat(response.code()).isEqualTo(429);
            assertThat(response.header("Retry-After")).isEqualTo("1");
        }
    }

    @Test
    void latencyDelaysResponses() throws IOException {
        String token = token();
        fake.setLatency(Duration.ofMillis(150));
        long start = System.nanoTime();

        get("/recommendations/available-genre-seeds", token).close();

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void emptyGenresSwitchEmptiesArtistGenresButSearchStillUsesTheCatalogue() throws IOException {
        String token = token();
        FakeCatalog.CatalogArtist artist = fake.catalog().artists().get(0);
        String genre = artist.genres().get(0);
        assertThat(json(get("/artists/" + artist.id(), token), 200).get("genres")).isNotEmpty();

        fake.setEmptyArtistGenres(true);

        assertThat(json(get("/artists/" + artist.id(), token), 200).get("genres")).isEmpty();
        JsonNode found =
                json(get("/search?q=genre:%22" + genre + "%22&type=track&limit=50", token), 200);
        assertThat(found.at("/tracks/total").asInt()).isPositive();
        fake.setEmptyArtistGenres(false);
        assertThat(json(get("/artists/" + artist.id(), token), 200).get("genres")).isNotEmpty();
        try (FakeSpotify empty = FakeSpotify.builder().emptyArtistGenres(true).start()) {
            assertThat(empty.emptyArtistGenres()).isTrue();
        }
    }

    @Test
    void searchGenreFilterTreatsSpacesHyphensAndCaseAlike() throws IOException {
        String token = token();
        int hyphen = total("/search?q=genre:trip-hop&type=track", token);

        assertThat(hyphen).isPositive();
        assertThat(total("/search?q=genre:%22trip%20hop%22&type=track", token)).isEqualTo(hyphen);
        assertThat(total("/search?q=genre:%22Trip%20Hop%22&type=track", token)).isEqualTo(hyphen);
        assertThat(total("/search?q=genre:trip_hop&type=track", token)).isEqualTo(hyphen);
        assertThat(total("/search?q=genre:%22r%20n%20b%22&type=track", token))
                .isEqualTo(total("/search?q=genre:r-n-b&type=track", token));
    }

    @Test
    void requestLogKeepsRepeatedParametersAndHeaders() throws IOException {
        String token = token();
        get("/search?q=a&q=b&type=track", token).close();

        RecordedCall search = fake.apiRequests().get(0);
        assertThat(search.parameters("q")).containsExactly("a", "b");
        assertThat(search.query("q")).isEqualTo("a");
        assertThat(search.header("authorization")).isEqualTo("Bearer " + token);
        assertThat(search.header("User-Agent")).startsWith("okhttp");
    }

    private int total(String path, String token) throws IOException {
        return json(get(path, token), 200).at("/tracks/total").asInt();
    }

    @Test
    void mainParsesItsOptionsAndRejectsUnknownOnesWithAClearMessage() {
        FakeSpotify started =
                FakeSpotifyMain.parse(
                                new String[] {
                                    "--port",
                                    "0",
                                    "--mode",
                                    "development",
                                    "--latency-ms",
                                    "5",
                                    "--rate-limit",
                                    "2.5",
                                    "--client-id",
                                    "id",
                                    "--client-secret",
                                    "secret",
                                    "--empty-genres"
                                })
                        .start();
        try {
            assertThat(started.mode()).isEqualTo(FakeSpotify.Mode.DEVELOPMENT);
            assertThat(started.clientId()).isEqualTo("id");
            assertThat(started.clientSecret()).isEqualTo("secret");
            assertThat(started.emptyArtistGenres()).isTrue();
            assertThat(started.env()).containsEntry("SPOTIFY_API_URL", started.apiUrl());
        } finally {
            started.close();
        }
        assertThat(FakeSpotifyMain.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> FakeSpotifyMain.parse(new String[] {"--mode", "turbo"}))
                .hasMessageContaining("--mode accepts extended or development");
        assertThatThrownBy(() -> FakeSpotifyMain.parse(new String[] {"--port"}))
                .hasMessageContaining("missing value for --port");
    }

    private String token() throws IOException {
        return basicAuthToken(fake.clientId(), fake.clientSecret(), 200)
                .get("access_token")
                .asText();
    }

    /** The token endpoint's answer to a client-credentials grant with HTTP Basic credentials. */
    private JsonNode basicAuthToken(String clientId, String clientSecret, int expectedStatus)
            throws IOException {
        return json(
                post(basicAuth(clientId, clientSecret), form("grant_type", "client_credentials")),
                expectedStatus);
    }

    private static Request.Builder basicAuth(String clientId, String clientSecret) {
        return new Request.Builder()
                .header("Authorization", Credentials.basic(clientId, clientSecret));
    }

    private Response post(Request.Builder request, RequestBody body) throws IOException {
        return HTTP.newCall(request.url(fake.accountsUrl() + "/api/token").post(body).build())
                .execute();
    }

    private Response get(String path, String token) throws IOException {
        Request.Builder request = new Request.Builder().url(fake.apiUrl() + path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.newCall(request.build()).execute();
    }

    private static RequestBody form(String name, String value) {
        return new FormBody.Builder().add(name, value).build();
    }

    private static JsonNode json(Response response, int expectedStatus) throws IOException {
        try (response) {
            assertThat(response.code()).isEqualTo(expectedStatus);
            return FakeJson.MAPPER.readTree(response.body().string());
        }
    }
}
