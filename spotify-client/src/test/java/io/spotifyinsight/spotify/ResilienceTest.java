package io.spotifyinsight.spotify;

import static io.spotifyinsight.spotify.error.ServiceErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.spotifyinsight.spotify.error.SpotifyBadRequestException;
import io.spotifyinsight.spotify.error.SpotifyDecodingException;
import io.spotifyinsight.spotify.error.SpotifyNotFoundException;
import io.spotifyinsight.spotify.error.SpotifyRateLimitedException;
import io.spotifyinsight.spotify.error.SpotifyServerException;
import io.spotifyinsight.spotify.error.SpotifyTransportException;
import io.spotifyinsight.spotify.fake.RecordedCall;
import io.spotifyinsight.spotify.fake.WithFakeSpotify;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResilienceTest extends WithFakeSpotify {

    @AutoClose private SpotifyClient client;
    private String artistId;

    @BeforeEach
    void start() {
        client = TestClients.client(fake);
        artistId = fake.catalog().someArtistId();
    }

    @Test
    void rateLimitedCallWaitsAtLeastRetryAfterBeforeTheNextAttempt() {
        fake.rateLimitNext(1, Duration.ofSeconds(1));

        client.artist(artistId);

        List<RecordedCall> calls = fake.apiRequests();
        assertThat(calls).extracting(RecordedCall::status).containsExactly(429, 200);
        assertThat(gap(calls.get(0), calls.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rateLimitSlowsDownEveryCallerSharingTheClientNotOnlyTheOneThatGotIt() throws Exception {
        client.artist(artistId); // token in hand, so the only waiting is the rate limit
        fake.resetLog();
        fake.rateLimitNext(1, Duration.ofSeconds(1));
        AtomicReference<Thread> firstCaller = new AtomicReference<>();
        ExecutorService pool =
                Executors.newSingleThreadExecutor(
                        task -> {
                            Thread thread = new Thread(task, "first-caller");
                            firstCaller.set(thread);
                            return thread;
                        });
        Future<?> first = pool.submit(() -> client.artist(artistId));
        // the 429 reached the first caller once it waits out Retry-After
        awaitWaiting(firstCaller);

        client.track(fake.catalog().someTrackId()); // a different caller, a different endpoint
        first.get(5, TimeUnit.SECONDS);
        pool.shutdown();

        List<RecordedCall> calls = fake.apiRequests();
        RecordedCall limited = calls.get(0);
        assertThat(limited.status()).isEqualTo(429);
        RecordedCall otherCaller =
                calls.stream()
                        .filter(c -> c.path().startsWith("/v1/tracks"))
                        .findFirst()
                        .orElseThrow();
        assertThat(gap(limited, otherCaller)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterLongerThanTheRemainingBudgetFailsAtOnceInsteadOfSleeping() {
        fake.rateLimitNext(1, Duration.ofDays(1));
        long start = System.nanoTime();

        assertFails(
                        () -> client.artist(artistId),
                        SpotifyRateLimitedException.class,
                        429,
                        true,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofDays(1)))
                .hasMessageContaining("Retry-After 86400 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(fake.apiRequests()).hasSize(1);

        // The whole client honours the wait: later calls fail fast without hammering Spotify.
        assertThatThrownBy(() -> client.track(fake.catalog().someTrackId()))
                .isInstanceOf(SpotifyRateLimitedException.class)
                .hasMessageContaining("longer than the remaining retry budget");
        assertThat(fake.apiRequests()).hasSize(1);
    }

    @Test
    void aSpentQuotaIsRecognisedFromItsReason_andFailsAtOnce() {
        fake.quotaExceededNext(1, Duration.ofSeconds(48_925));

        assertThatThrownBy(() -> client.artist(artistId))
                .isInstanceOfSatisfying(
                        SpotifyRateLimitedException.class,
                        e -> {
                            assertThat(e.quotaExceeded()).isTrue();
                            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(48_925));
                        })
                .hasMessageContaining("quota exceeded");
        assertThat(fake.apiRequests()).hasSize(1);
    }

    @Test
    void missingOrZeroRetryAfterStillBacksOffAndRecovers() {
        fake.rateLimitNext(1, null);
        fake.rateLimitNext(1, Duration.ZERO);

        client.artist(artistId);

        List<RecordedCall> calls = fake.apiRequests();
        assertThat(calls).extracting(RecordedCall::status).containsExactly(429, 429, 200);
        Duration minimumBackoff = TestClients.FAST_INITIAL_BACKOFF.multipliedBy(3).dividedBy(4);
        assertThat(gap(calls.get(0), calls.get(1))).isGreaterThanOrEqualTo(minimumBackoff);
        assertThat(gap(calls.get(1), calls.get(2))).isGreaterThanOrEqualTo(minimumBackoff);
    }

    @Test
    void rateLimitThatOutlastsTheAttemptsEndsInARateLimitedError() {
        fake.rateLimitNext(10, null);

        assertThatThrownBy(() -> client.artist(artistId))
                .isInstanceOfSatisfying(
                        SpotifyRateLimitedException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(fake.apiRequests()).hasSize(5);
    }

    @Test
    void burstOfServerErrorsIsRetriedUntilSpotifyRecovers() {
        fake.failNext(2, 503);
        fake.failNext(1, 500);
        fake.failNext(1, 502);

        assertThat(client.artist(artistId).id()).isEqualTo(artistId);
        assertThat(fake.apiRequests())
                .extracting(RecordedCall::status)
                .containsExactly(503, 503, 500, 502, 200);
    }

    @Test
    void persistentServerErrorsStopAfterMaxAttemptsWithGrowingPauses() {
        fake.failNext(10, 500);

        assertFails(
                () -> client.artist(artistId),
                SpotifyServerException.class,
                500,
                true,
                e -> assertThat(e.spotifyMessage()).isEqualTo("Service temporarily unavailable"));
        List<RecordedCall> calls = fake.apiRequests();
        assertThat(calls).hasSize(5);
        // backoff 5 ms doubling to a 40 ms cap, +-25% jitter: the fourth pause is at least 30 ms
        assertThat(gap(calls.get(3), calls.get(4))).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    @Test
    void retryBudgetBoundsTheTotalTimeEvenWithManyAttemptsLeft() {
        SpotifyConfig config =
                TestClients.config(fake).toBuilder().retries(50, Duration.ofMillis(600)).build();
        try (SpotifyClient patient =
                SpotifyClient.builder(config)
                        .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
                        .build()) {
            patient.artist(artistId); // token first
            fake.resetLog();
            fake.failNext(100, 503);
            long start = System.nanoTime();

            assertThatThrownBy(() -> patient.artist(artistId))
                    .isInstanceOf(SpotifyServerException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(3));
            assertThat(fake.apiRequests()).hasSizeBetween(2, 10);
        }
    }

    @Test
    void droppedConnectionsAreRetried() {
        fake.dropNext(2);

        assertThat(client.artist(artistId).id()).isEqualTo(artistId);
        assertThat(fake.apiRequests()).extracting(RecordedCall::status).contains(0, 200);
    }

    @Test
    void connectionDroppedOnEveryAttemptEndsInATransportError() {
        fake.dropNext(50);

        assertFails(() -> client.artist(artistId), SpotifyTransportException.class, 0, true);
    }

    @Test
    void slowResponsesTimeOutAndAreRetriedThenReportedAsTransportErrors() {
        Duration timeout = Duration.ofMillis(200);
        SpotifyConfig config =
                TestClients.config(fake).toBuilder()
                        .retries(3, Duration.ofSeconds(5))
                        .timeouts(timeout, timeout, Duration.ofMillis(300))
                        .build();
        try (SpotifyClient impatient = TestClients.builder(config).build()) {
            impatient.artist(artistId);
            fake.resetLog();
            fake.setLatency(Duration.ofSeconds(1));

            assertThatThrownBy(() -> impatient.artist(artistId))
                    .isInstanceOf(SpotifyTransportException.class)
                    .hasMessageContaining("GET /v1/artists/{id}");
        }
        assertThat(fake.apiRequests()).hasSize(3);
    }

    @Test
    void timeoutFollowedByAFastAnswerRecovers() throws Exception {
        Duration timeout = Duration.ofMillis(200);
        SpotifyConfig config =
                TestClients.config(fake).toBuilder().timeouts(timeout, timeout, timeout).build();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (SpotifyClient impatient = TestClients.builder(config).build()) {
            impatient.artist(artistId);
            fake.resetLog();
            fake.setLatency(Duration.ofSeconds(3)); // far beyond the read timeout
            Future<String> call = pool.submit(() -> impatient.artist(artistId).id());
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> fake.apiRequests().size() == 1);
            fake.setLatency(Duration.ZERO);

            assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo(artistId);
        } finally {
            pool.shutdownNow();
        }
        // the slow attempt was given up at the timeout and retried, not waited out
        List<RecordedCall> calls = fake.apiRequests();
        assertThat(calls).hasSize(2);
        assertThat(gap(calls.get(0), calls.get(1))).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void malformedJsonIsAClearDecodingErrorAndNotRetried() {
        fake.malformedNext(1);

        assertThatThrownBy(
                        () ->
                                client.recommendations(
                                        RecommendationRequest.ofSeeds(
                                                List.of(artistId), null, null)))
                .isInstanceOfSatisfying(
                        SpotifyDecodingException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("malformed JSON")
                .hasMessageContaining("GET /v1/recommendations");
        assertThat(fake.apiRequests()).hasSize(1);
    }

    @Test
    void jsonOfTheWrongShapeIsADecodingErrorNamingTheFieldNeverANullPointer() {
        fake.respondNext(1, 200, "{\"tracks\": \"oops\"}");
        fake.respondNext(1, 200, "{\"tracks\": [{\"id\": null, \"name\": \"x\"}]}");
        fake.respondNext(1, 200, "{\"tracks\": {\"items\": [], \"limit\": 5, \"offset\": 0}}");
        fake.respondNext(1, 200, "[]");
        RecommendationRequest request =
                RecommendationRequest.ofSeeds(List.of(artistId), null, null);

        assertThatThrownBy(() -> client.recommendations(request))
                .isInstanceOf(SpotifyDecodingException.class)
                .hasMessageContaining("tracks should be an array but is string");
        assertThatThrownBy(() -> client.recommendations(request))
                .isInstanceOf(SpotifyDecodingException.class)
                .hasMessageContaining("tracks[0].id should be a string but is null");
        assertThatThrownBy(() -> client.searchTracks(SearchRequest.of("jazz", 5)))
                .isInstanceOf(SpotifyDecodingException.class)
                .hasMessageContaining("tracks.total should be an integer but is nothing");
        assertThatThrownBy(() -> client.artist(artistId))
                .isInstanceOf(SpotifyDecodingException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void clientErrorsOtherThan429AreNotRetried() {
        fake.failNext(1, 400);
        fake.failNext(1, 404);

        assertThatThrownBy(() -> client.artist(artistId))
                .isInstanceOf(SpotifyBadRequestException.class);
        assertThatThrownBy(() -> client.artist(artistId))
                .isInstanceOf(SpotifyNotFoundException.class);
        assertThat(fake.apiRequests()).extracting(RecordedCall::status).containsExactly(400, 404);
    }

    @Test
    void clientSideRateLimitIsSharedByAllThreads() throws Exception {
        SpotifyConfig config = TestClients.config(fake).toBuilder().requestsPerSecond(20).build();
        try (SpotifyClient limited = TestClients.builder(config).build()) {
            limited.artist(
                    artistId); // token and connection first: they would skew the first arrival
            fake.resetLog();
            List<Callable<String>> calls =
                    Collections.nCopies(12, () -> limited.artist(artistId).id());
            assertThat(Concurrently.answers(4, Duration.ofSeconds(10), calls))
                    .containsOnly(artistId);
        }

        List<RecordedCall> calls = fake.apiRequests();
        assertThat(calls).hasSize(12);
        // 12 requests at 20/s need 11 intervals of 50 ms; unlimited they take a few ms. The margin
        // absorbs scheduling jitter between taking a permit and the request arriving.
        assertThat(gap(calls.get(0), calls.get(11))).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void spotifyRollingWindowLimitIsObeyedAndEveryCallSucceeds() {
        client.artist(artistId);
        fake.setRateLimit(4, Duration.ofSeconds(1)); // 4 requests per rolling second

        for (int i = 0; i < 7; i++) {
            assertThat(client.artist(artistId).id()).isEqualTo(artistId);
        }

        List<RecordedCall> calls = fake.apiRequests();
        assertThat(calls).extracting(RecordedCall::status).contains(429);
        assertThat(calls.stream().filter(c -> c.status() == 200)).hasSize(8);
    }

    @Test
    void manyThreadsThroughBurstsOfFaultsAllGetTheirAnswers() throws Exception {
        client.artist(artistId);
        fake.failNext(3, 503);
        fake.dropNext(2);
        fake.rateLimitNext(2, null);
        fake.failNext(2, 502);
        fake.expireTokens();
        List<String> ids =
                fake.catalog().tracks().subList(0, 80).stream().map(t -> t.id()).toList();
        List<Callable<String>> calls =
                ids.stream().<Callable<String>>map(id -> () -> client.track(id).id()).toList();
        assertThat(Concurrently.answers(8, Duration.ofSeconds(20), calls))
                .containsExactlyElementsOf(ids);
        assertThat(fake.tokenRequests()).hasSize(2);
    }

    @Test
    void interruptingACallerWaitingOutARateLimitStopsItAndKeepsTheInterruptFlag() throws Exception {
        fake.rateLimitNext(1, Duration.ofSeconds(5));
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean flagKept =
                new java.util.concurrent.atomic.AtomicBoolean();
        Thread caller =
                new Thread(
                        () -> {
                            try {
                                client.artist(artistId);
                            } catch (RuntimeException e) {
                                thrown.set(e);
                                flagKept.set(Thread.currentThread().isInterrupted());
                            }
                        });
        caller.start();
        // the 429 reached the caller once it waits out Retry-After
        awaitWaiting(new java.util.concurrent.atomic.AtomicReference<>(caller));

        caller.interrupt();
        caller.join(2_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get())
                .isInstanceOf(SpotifyTransportException.class)
                .hasMessageContaining("interrupted");
        assertThat(flagKept).isTrue();
    }

    private static Duration gap(RecordedCall earlier, RecordedCall later) {
        return Duration.between(earlier.receivedAt(), later.receivedAt());
    }

    /** Waits until the thread sleeps in a timed wait: a caller waiting out a Retry-After. */
    private static void awaitWaiting(AtomicReference<Thread> thread) {
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(5))
                .until(
                        () ->
                                thread.get() != null
                                        && thread.get().getState() == Thread.State.TIMED_WAITING);
    }
}
