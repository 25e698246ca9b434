package io.spotifyinsight.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestValidationTest {

    private static final String A = "4NHQUGzhtTLFvgF5SZesLK";
    private static final String T = "0c6xIDDpzE81m2q797ordA";

    @Test
    void recommendationRequestNormalisesUrisAndLinksToIds() {
        RecommendationRequest request =
                new RecommendationRequest(
                        List.of("spotify:artist:" + A),
                        List.of("hip-hop"),
                        List.of("https://open.spotify.com/track/" + T + "?si=x"),
                        50,
                        "SE");

        assertThat(request.seedArtists()).containsExactly(A);
        assertThat(request.seedTracks()).containsExactly(T);
        assertThat(request.seedGenres()).containsExactly("hip-hop");
    }

    @Test
    void recommendationRequestTreatsNullSeedListsAsEmpty() {
        RecommendationRequest request = RecommendationRequest.ofSeeds(null, List.of("jazz"), null);

        assertThat(request.seedArtists()).isEmpty();
        assertThat(request.seedTracks()).isEmpty();
        assertThat(request.limit()).isEqualTo(20);
    }

    @Test
    void recommendationRequestNeedsOneToFiveSeedsInTotal() {
        assertThatThrownBy(() -> RecommendationRequest.ofSeeds(List.of(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "recommendations need 1 to 5 seeds in total (artists + genres + tracks),"
                                + " got 0");
        assertThatThrownBy(
                        () ->
                                RecommendationRequest.ofSeeds(
                                        List.of(A, A, A), List.of("jazz", "pop"), List.of(T)))
                .hasMessageContaining("got 6");
        assertThat(
                        RecommendationRequest.ofSeeds(
                                        List.of(A, A), List.of("jazz", "pop"), List.of(T))
                                .seedArtists())
                .hasSize(2);
    }

    @Test
    void recommendationRequestLimitIsOneToHundred() {
        RecommendationRequest ok = RecommendationRequest.ofSeeds(List.of(A), null, null);

        assertThat(ok.withLimit(1).limit()).isEqualTo(1);
        assertThat(ok.withLimit(100).limit()).isEqualTo(100);
        assertThatThrownBy(() -> ok.withLimit(0))
                .hasMessage("recommendation limit must be 1 to 100, got 0");
        assertThatThrownBy(() -> ok.withLimit(101)).hasMessageContaining("got 101");
    }

    @Test
    void recommendationRequestChecksIdsGenresAndMarket() {
        assertThatThrownBy(() -> RecommendationRequest.ofSeeds(List.of("nope"), null, null))
                .hasMessageContaining("not a Spotify artist id: 'nope'");
        assertThatThrownBy(
                        () ->
                                RecommendationRequest.ofSeeds(
                                        null, null, List.of("spotify:artist:" + A)))
                .hasMessageContaining("names an artist, not a track");
        assertThatThrownBy(() -> RecommendationRequest.ofSeeds(null, List.of("Hip Hop"), null))
                .hasMessageContaining("invalid seed genre 'Hip Hop'")
                .hasMessageContaining("such as hip-hop");
        assertThatThrownBy(
                        () ->
                                RecommendationRequest.ofSeeds(List.of(A), null, null)
                                        .withMarket("swe"))
                .hasMessageContaining("ISO 3166-1 alpha-2");
    }

    @Test
    void searchRequestChecksQueryLimitOffsetAndMarket() {
        assertThat(new SearchRequest("genre:jazz", 50, 950, "US").nextPage().offset())
                .isEqualTo(1000);
        assertThatThrownBy(() -> SearchRequest.of("  ", 10))
                .hasMessageContaining("search query must not be blank");
        assertThatThrownBy(() -> SearchRequest.of("jazz", 0))
                .hasMessage(
                        "search limit must be 1 to 50 (1 to 10 for development-mode apps), got 0");
        assertThatThrownBy(() -> SearchRequest.of("jazz", 51)).hasMessageContaining("got 51");
        assertThatThrownBy(() -> new SearchRequest("jazz", 10, -1, null))
                .hasMessage("search offset must be 0 to 1000, got -1");
        assertThatThrownBy(() -> new SearchRequest("jazz", 10, 0, "us"))
                .hasMessageContaining("invalid market 'us'");
    }
}
