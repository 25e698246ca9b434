package io.spotifyinsight.spotify;

import static io.spotifyinsight.spotify.error.ServiceErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.spotify.error.SpotifyCredentialsException;
import io.spotifyinsight.spotify.error.SpotifyServerException;
import io.spotifyinsight.spotify.error.SpotifyUnauthorizedException;
import io.spotifyinsight.spotify.fake.LogCapture;
import io.spotifyinsight.spotify.fake.MutableClock;
import io.spotifyinsight.spotify.fake.RecordedCall;
import io.spotifyinsight.spotify.fake.WithFakeSpotify;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class TokenHandlingTest extends WithFakeSpotify {

    @Test
    void oneTokenIsFetchedAndReusedForManyCalls() {
        try (SpotifyClient client = TestClients.client(fake)) {
            for (int i = 0; i < 5; i++) {
                client.artist(fake.catalog().someArtistId());
            }
        }

        assertThat(fake.tokenRequests()).hasSize(1);
        assertThat(fake.apiRequests()).extracting(RecordedCall::status).containsOnly(200);
    }

    @Test
    void tokenIsRefreshedShortlyBeforeItExpiresWithoutAnyRejectedCall() {
        MutableClock clock = new MutableClock();
        try (SpotifyClient client = TestClients.builder(fake).clock(clock).build()) {
            client.artist(fake.catalog().someArtistId());
            clock.advance(
                    Duration.ofMinutes(58)); // 1 h tokens, still well before the early refresh
            client.artist(fake.catalog().someArtistId());
            assertThat(fake.tokenRequests()).hasSize(1);

            clock.advance(Duration.ofSeconds(90)); // now within a minute of expiry
            client.artist(fake.catalog().someArtistId());
        }

        assertThat(fake.tokenRequests()).hasSize(2);
        assertThat(fake.apiRequests()).extracting(RecordedCall::status).containsOnly(200);
    }

    @Test
    void expiredTokenAnswered401IsRefreshedAndTheCallRetriedOnce() {
        try (SpotifyClient client = TestClients.client(fake)) {
            client.artist(fake.catalog().someArtistId());
            fake.expireTokens();

            assertThat(client.artist(fake.catalog().someArtistId()).id())
                    .isEqualTo(fake.catalog().someArtistId());
        }

        assertThat(fake.requests())
                .extracting(c -> c.path() + " " + c.status())
                .containsExactly(
                        "/api/token 200",
                        "/v1/artists/" + fake.catalog().someArtistId() + " 200",
                        "/v1/artists/" + fake.catalog().someArtistId() + " 401",
                        "/api/token 200",
                        "/v1/artists/" + fake.catalog().someArtistId() + " 200");
    }

    @Test
    void a401ThatSurvivesTheRefreshIsReportedAsUnauthorizedAfterOneRetry() {
        fake.respondNext(
                2,
                401,
                "{\"error\":{\"status\":401,"
                        + "\"message\":\"Missing/invalid/expired access token\"}}");
        try (SpotifyClient client = TestClients.client(fake)) {
            assertFails(
                    () -> client.artist(fake.catalog().someArtistId()),
                    SpotifyUnauthorizedException.class,
                    401,
                    false,
                    e ->
                            assertThat(e.spotifyMessage())
                                    .isEqualTo("Missing/invalid/expired access token"));
        }
        assertThat(fake.tokenRequests()).hasSize(2);
        assertThat(fake.apiRequests()).hasSize(2);
    }

    @Test
    void concurrentCallersWithAnExpiredTokenCauseASingleRefresh() throws Exception {
        int callers = 16;
        try (SpotifyClient client = TestClients.client(fake)) {
            client.artist(fake.catalog().someArtistId());
            fake.expireTokens();
            fake.setLatency(
                    Duration.ofMillis(50)); // keep the refresh in flight while others arrive
            List<String> ids =
                    fake.catalog().artists().subList(0, callers).stream().map(a -> a.id()).toList();
            List<Callable<String>> calls =
                    ids.stream().<Callable<String>>map(id -> () -> client.artist(id).id()).toList();
            assertThat(Concurrently.answers(callers, Duration.ofSeconds(10), calls))
                    .containsExactlyElementsOf(ids);
        }

        assertThat(fake.tokenRequests()).as("initial token plus one refresh").hasSize(2);
    }

    @Test
    void concurrentFirstCallsFetchOneToken() throws Exception {
        fake.setLatency(Duration.ofMillis(30));
        try (SpotifyClient client = TestClients.client(fake)) {
            String id = fake.catalog().someArtistId();
            List<Callable<String>> calls = Collections.nCopies(8, () -> client.artist(id).id());
            assertThat(Concurrently.answers(8, Duration.ofSeconds(10), calls)).containsOnly(id);
        }

        assertThat(fake.tokenRequests()).hasSize(1);
    }

    @Test
    void wrongSecretEndsInACredentialsErrorNamingTheProblemButNotTheSecret() {
        String wrongSecret = "this-secret-is-wrong-7f3a";
        SpotifyConfig config =
                SpotifyConfig.builder(fake.clientId(), wrongSecret)
                        .urls(fake.apiUrl(), fake.accountsUrl())
                        .build();

        try (SpotifyClient client = TestClients.builder(config).build()) {
            assertFails(
                            () -> client.artist(fake.catalog().someArtistId()),
                            SpotifyCredentialsException.class,
                            400,
                            false,
                            e -> assertThat(e.spotifyMessage()).isEqualTo("Invalid client secret"))
                    .hasMessage(
                            "Spotify rejected the client credentials (invalid_client: Invalid"
                                    + " client secret); check SPOTIFY_CLIENT_ID and"
                                    + " SPOTIFY_CLIENT_SECRET")
                    .message()
                    .doesNotContain(wrongSecret);
        }
        assertThat(fake.tokenRequests()).as("credentials errors are not retried").hasSize(1);
        assertThat(fake.apiRequests()).isEmpty();
    }

    @Test
    void unknownClientIdEndsInACredentialsErrorSayingInvalidClient() {
        SpotifyConfig config =
                SpotifyConfig.builder("unknown-client", "whatever")
                        .urls(fake.apiUrl(), fake.accountsUrl())
                        .build();

        try (SpotifyClient client = TestClients.builder(config).build()) {
            assertThatThrownBy(client::availableGenreSeeds)
                    .isInstanceOf(SpotifyCredentialsException.class)
                    .hasMessageContaining("(invalid_client: Invalid client)");
        }
    }

    @Test
    void tokenEndpointOutagesAreRetriedLikeApiCalls() {
        fake.failNextTokenRequests(2, 503);
        try (SpotifyClient client = TestClients.client(fake)) {
            assertThat(client.availableGenreSeeds()).isNotEmpty();
        }
        assertThat(fake.tokenRequests())
                .extracting(RecordedCall::status)
                .containsExactly(503, 503, 200);
    }

    @Test
    void tokenEndpointRateLimitIsHonouredLikeTheApis() {
        fake.rateLimitNextTokenRequests(1, Duration.ofSeconds(1));
        try (SpotifyClient client = TestClients.client(fake)) {
            assertThat(client.availableGenreSeeds()).isNotEmpty();
        }
        List<RecordedCall> tokenCalls = fake.tokenRequests();
        assertThat(tokenCalls).extracting(RecordedCall::status).containsExactly(429, 200);
        assertThat(Duration.between(tokenCalls.get(0).receivedAt(), tokenCalls.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void tokenEndpointOutageLongerThanTheAttemptsEndsInAServerError() {
        fake.failNextTokenRequests(10, 502);
        try (SpotifyClient client = TestClients.client(fake)) {
            assertThatThrownBy(client::availableGenreSeeds)
                    .isInstanceOf(SpotifyServerException.class)
                    .hasMessageContaining("POST /api/token");
        }
        assertThat(fake.tokenRequests()).hasSize(5);
    }

    @Test
    void debugLogNamesMethodPathStatusAndDurationButNeverTokenOrSecret() {
        LogCapture logs = LogCapture.debug("io.spotifyinsight.spotify");
        try (logs;
                SpotifyClient client = TestClients.client(fake)) {
            client.artist(fake.catalog().someArtistId());
            fake.expireTokens();
            client.artist(fake.catalog().someArtistId());
        }

        List<String> lines = logs.messages();
        assertThat(lines)
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .matches("GET /v1/artists/\\w{22} -> 200 in \\d+ ms"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("POST /api/token -> 200"));
        assertThat(lines)
                .noneSatisfy(
                        line ->
                                assertThat(line)
                                        .containsAnyOf(
                                                fake.clientSecret(), "Bearer", "BQ", "Basic"));
    }
}
