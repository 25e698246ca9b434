package io.spotifyinsight.fetcher.blend;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifyinsight.sources.MusicBrainzArtist;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of how seed knowledge is combined and how much Spotify an alias may spend. */
class SeedKnowledgeRulesTest {

    @Test
    void lastFmTagsAreKeptAsFarAsMusicBrainzConfirmsThem() {
        // Last.fm merged two namesakes: "jazz" and "blues" belong to the other artist of that name
        assertThat(
                        SeedResolver.confirmedByMusicBrainz(
                                List.of("jazz", "alt rock", "blues", "indie"),
                                List.of("indie", "alt rock")))
                .containsExactly("alt rock", "indie");
    }

    @Test
    void whenMusicBrainzConfirmsNoneOfLastFmsTags_itsOwnGenresAreTaken() {
        assertThat(
                        SeedResolver.confirmedByMusicBrainz(
                                List.of("jazz", "blues"), List.of("alt rock")))
                .containsExactly("alt rock");
        assertThat(SeedResolver.confirmedByMusicBrainz(List.of(), List.of("alt rock", "indie")))
                .containsExactly("alt rock", "indie");
    }

    @Test
    void anIsrcsCreditsGiveTheArtistOfTheSameName_whateverItsPositionOrCase() {
        var shara = new MusicBrainzArtist("5b11f4ce-a62d-471e-81fc-a69a8278c7da", "Shara Nelson");
        var massive =
                new MusicBrainzArtist("10adbe5e-a2c0-4bf3-8249-2b4cbf6e6ca8", "Massive Attack");

        assertThat(SeedResolver.creditedAs("massive attack ", List.of(shara, massive)))
                .contains(massive);
        assertThat(SeedResolver.creditedAs("Tricky", List.of(shara, massive))).isEmpty();
        assertThat(SeedResolver.creditedAs("Ｍassive Attack", List.of(massive)))
                .as("NFKC")
                .contains(massive);
    }

    @Test
    void aShorterListGetsItsShareOfTheAllowance_aLongerOneTheWholeAllowance() {
        assertThat(BlendStrategy.allowance(4, 5)).isEqualTo(1);
        assertThat(BlendStrategy.allowance(4, 10)).isEqualTo(2);
        assertThat(BlendStrategy.allowance(4, 11)).isEqualTo(3);
        assertThat(BlendStrategy.allowance(4, 20)).isEqualTo(4);
        assertThat(BlendStrategy.allowance(4, 50)).isEqualTo(4);
        assertThat(BlendStrategy.allowance(1, 1)).isEqualTo(1);
    }
}
