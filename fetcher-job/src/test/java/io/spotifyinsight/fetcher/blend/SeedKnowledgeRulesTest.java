package io.spotifyinsight.fetcher.blend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of how seed knowledge is combined and how much Spotify an alias may spend. */
class SeedKnowledgeRulesTest {

    @Test
    void lastFmTagsAreKeptAsFarAsMusicBrainzConfirmsThem() {
        // Last.fm merged two namesakes: "jazz" and "blues" belong to the other artist of that name
        assertThat(SeedResolver.confirmedByMusicBrainz(List.of("jazz", "alt rock", "blues", "indie"),
                List.of("indie", "alt rock")))
                .containsExactly("alt rock", "indie");
    }

    @Test
    void whenMusicBrainzConfirmsNoneOfLastFmsTags_itsOwnGenresAreTaken() {
        assertThat(SeedResolver.confirmedByMusicBrainz(List.of("jazz", "blues"), List.of("alt rock")))
                .containsExactly("alt rock");
        assertThat(SeedResolver.confirmedByMusicBrainz(List.of(), List.of("alt rock", "indie")))
                .containsExactly("alt rock", "indie");
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
