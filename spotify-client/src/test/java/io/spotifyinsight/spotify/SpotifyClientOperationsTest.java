package io.spotifyinsight.spotify;

import static io.spotifyinsight.spotify.error.ServiceErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.spotify.error.SpotifyBadRequestException;
import io.spotifyinsight.spotify.error.SpotifyFeatureUnavailableException;
import io.spotifyinsight.spotify.error.SpotifyNotFoundException;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogArtist;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;
import io.spotifyinsight.spotify.fake.FakeSpotify;
import io.spotifyinsight.spotify.fake.RecordedCall;
import io.spotifyinsight.spotify.fake.WithFakeSpotify;
import io.spotifyinsight.spotify.model.Artist;
import io.spotifyinsight.spotify.model.SearchPage;
import io.spotifyinsight.spotify.model.Track;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpotifyClientOperationsTest extends WithFakeSpotify {

    @AutoClose private SpotifyClient client;

    @BeforeEach
    void start() {
        client = TestClients.client(fake);
    }

    @Test
    void recommendationsReturnFullTracksForArtistSeedsAndSendTheSeedsAsCommaLists() {
        List<String> artists =
                fake.catalog().artists().subList(0, 2).stream().map(CatalogArtist::id).toList();

        List<Track> tracks =
                client.recommendations(
                        new RecommendationRequest(artists, List.of("jazz"), List.of(), 7, null));

        assertThat(tracks).hasSize(7);
        Track first = tracks.get(0);
        assertThat(first.id()).matches("[0-7][0-9A-Za-z]{21}");
        assertThat(first.uri()).isEqualTo("spotify:track:" + first.id());
        assertThat(first.url()).isEqualTo("https://open.spotify.com/track/" + first.id());
        assertThat(first.album().imageUrl()).contains("640");
        assertThat(first.artists()).isNotEmpty();
        RecordedCall call = fake.apiRequests().get(0);
        assertThat(call.path()).isEqualTo("/v1/recommendations");
        assertThat(call.query("seed_artists")).isEqualTo(String.join(",", artists));
        assertThat(call.query("seed_genres")).isEqualTo("jazz");
        assertThat(call.query("limit")).isEqualTo("7");
    }

    @Test
    void recommendationsAreDeterministicAndRespectTheMarket() {
        String seed = fake.catalog().someArtistId();
        RecommendationRequest request =
                new RecommendationRequest(List.of(seed), List.of(), List.of(), 30, "JP");

        List<Track> once = client.recommendations(request);
        List<Track> again = client.recommendations(request);

        assertThat(once).isEqualTo(again).isNotEmpty();
        assertThat(once)
                .allSatisfy(
                        track ->
                                assertThat(fake.catalog().track(track.id()).orElseThrow().markets())
                                        .contains("JP"));
    }

    @Test
    void recommendationSeedsGivenAsUrisAndLinksAreSentAsBareIds() {
        String artist = fake.catalog().someArtistId();
        String track = fake.catalog().someTrackId();

        client.recommendations(
                RecommendationRequest.ofSeeds(
                        List.of("https://open.spotify.com/intl-de/artist/" + artist + "?si=abc"),
                        List.of(),
                        List.of("spotify:track:" + track)));

        RecordedCall call = fake.apiRequests().get(0);
        assertThat(call.query("seed_artists")).isEqualTo(artist);
        assertThat(call.query("seed_tracks")).isEqualTo(track);
    }

    @Test
    void recommendationsForAnUnknownGenreAreAnEmptyListNotAnError() {
        assertThat(
                        client.recommendations(
                                RecommendationRequest.ofSeeds(
                                        List.of(), List.of("no-such-genre"), List.of())))
                .isEmpty();
    }

    @Test
    void availableGenreSeedsListsAllSeedGenres() {
        assertThat(client.availableGenreSeeds()).hasSize(126).contains("hip-hop", "r-n-b", "k-pop");
    }

    @Test
    void developmentModeRecommendations404WithAnEmptyBodyAreReportedAsFeatureUnavailable() {
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);

        assertFails(
                        () ->
                                client.recommendations(
                                        RecommendationRequest.ofSeeds(
                                                List.of(fake.catalog().someArtistId()),
                                                null,
                                                null)),
                        SpotifyFeatureUnavailableException.class,
                        404,
                        false,
                        e -> assertThat(e.endpoint()).isEqualTo("GET /v1/recommendations"))
                .hasMessageContaining("no access to this endpoint");
        assertThatThrownBy(client::availableGenreSeeds)
                .isInstanceOf(SpotifyFeatureUnavailableException.class);
        assertThat(fake.apiRequests()).as("no retries for a missing feature").hasSize(2);
    }

    @Test
    void developmentModeRecommendationsAnswering403AreReportedAsFeatureUnavailable() {
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);
        fake.setRecommendationsUnavailableStatus(403);

        assertFails(
                () ->
                        client.recommendations(
                                RecommendationRequest.ofSeeds(null, List.of("jazz"), null)),
                SpotifyFeatureUnavailableException.class,
                403,
                false);
    }

    @Test
    void searchTracksFiltersByGenreAndYearAndPagesWithOffset() {
        SearchPage first =
                client.searchTracks(new SearchRequest("genre:rock year:1960-2025", 5, 0, null));
        SearchPage second =
                client.searchTracks(new SearchRequest("genre:rock year:1960-2025", 5, 5, null));

        assertThat(first.items()).hasSize(5);
        assertThat(first.total()).isGreaterThan(5);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.offset()).isEqualTo(5);
        assertThat(second.items()).doesNotContainAnyElementsOf(first.items());
        RecordedCall call = fake.apiRequests().get(0);
        assertThat(call.query("type")).isEqualTo("track");
        assertThat(call.query("q")).isEqualTo("genre:rock year:1960-2025");
    }

    @Test
    void searchByArtistNameFindsThatArtistsTracks() {
        CatalogTrack track = fake.catalog().tracks().get(0);

        SearchPage page =
                client.searchTracks(
                        SearchRequest.of("artist:\"" + track.artist().name() + "\"", 50));

        assertThat(page.items()).extracting(Track::id).contains(track.id());
    }

    @Test
    void lastSearchPageHasNoNext() {
        SearchPage all = client.searchTracks(SearchRequest.of("genre:jazz", 50));

        assertThat(all.total()).isLessThanOrEqualTo(50);
        assertThat(all.hasNext()).isFalse();
        assertThat(all.items()).hasSize(all.total());
    }

    @Test
    void developmentModeSearchAbove10IsRejectedBySpotifyWithInvalidLimit() {
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);

        assertThatThrownBy(() -> client.searchTracks(SearchRequest.of("genre:pop", 20)))
                .isInstanceOfSatisfying(
                        SpotifyBadRequestException.class,
                        e -> assertThat(e.spotifyMessage()).isEqualTo("Invalid limit"));
        assertThat(client.searchTracks(SearchRequest.of("genre:pop", 10)).items())
                .hasSizeLessThanOrEqualTo(10);
        assertThat(fake.apiRequests()).as("a 400 is not retried").hasSize(2);
    }

    @Test
    void developmentModeTracksLackPopularityAndMarketsAndStillDecode() {
        String id = fake.catalog().someTrackId();
        Track withEverything = client.track(id); // extended quota: popularity and markets included
        fake.setMode(
                FakeSpotify.Mode.DEVELOPMENT); // both left out (FakeSpotifyTest checks the body)

        Track track = client.track(id);

        assertThat(track).isEqualTo(withEverything);
        assertThat(track.name()).isNotBlank();
        assertThat(track.durationMs()).isPositive();
        assertThat(track.album().id()).isNotBlank();
        assertThat(track.artists()).isNotEmpty();
        assertThat(track.isrc())
                .isEqualTo(fake.catalog().track(id).orElseThrow().isrc())
                .matches("[A-Z]{2}[0-9A-Z]{3}[0-9]{7}");
    }

    @Test
    void artistByIdHasNameAndGenres() {
        CatalogArtist expected = fake.catalog().artists().get(3);

        Artist artist = client.artist("spotify:artist:" + expected.id());

        assertThat(artist).isEqualTo(new Artist(expected.id(), expected.name(), expected.genres()));
    }

    @Test
    void trackByIdKeepsUnicodeNamesIntact() {
        for (CatalogTrack expected : fake.catalog().unicodeTracks().subList(0, 20)) {
            Track track = client.track(expected.id(), "SE");
            assertThat(track.name()).isEqualTo(expected.name());
            assertThat(track.album().name()).isEqualTo(expected.album().name());
            assertThat(track.album().releaseDate()).isEqualTo(expected.album().releaseDate());
            assertThat(track.artists().get(0).name()).isEqualTo(expected.artist().name());
            assertThat(track.durationMs()).isEqualTo(expected.durationMs());
        }
    }

    @Test
    void unknownIdsAreNotFoundWithSpotifysMessage() {
        assertThatThrownBy(() -> client.track(fake.catalog().unknownId()))
                .isInstanceOfSatisfying(
                        SpotifyNotFoundException.class,
                        e -> {
                            assertThat(e.spotifyMessage()).isEqualTo("non existing id");
                            assertThat(e.retryable()).isFalse();
                        });
    }

    @Test
    void clientBuiltFromTheFakesEnvironmentOnASharedHttpClientLeavesThatClientOpenWhenClosed()
            throws Exception {
        okhttp3.OkHttpClient shared = new okhttp3.OkHttpClient();
        try {
            SpotifyClient fromEnv = SpotifyClient.create(fake.config(), shared);
            assertThat(fromEnv.availableGenreSeeds()).isNotEmpty();
            fromEnv.close();

            assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
            try (okhttp3.Response response =
                    shared.newCall(
                                    new okhttp3.Request.Builder()
                                            .url(fake.accountsUrl() + "/api/token")
                                            .build())
                            .execute()) {
                assertThat(response.code()).isEqualTo(405);
            }
        } finally {
            shared.dispatcher().executorService().shutdown();
            shared.connectionPool().evictAll();
        }
    }

    @Test
    void malformedIdsAreRejectedBeforeAnyRequest() {
        assertThatThrownBy(() -> client.artist("not-an-id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("22-character id");
        assertThatThrownBy(() -> client.track(fake.catalog().someTrackId(), "se"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO 3166-1 alpha-2");
        assertThat(fake.requests()).isEmpty();
    }
}
