package io.spotifyinsight.fetcher.blend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenresTest {
    @Test
    void hyphens_underscores_case_and_runs_of_spaces_give_one_spelling() {
        for (String spelling :
                List.of(
                        "Trip-Hop",
                        "trip_hop",
                        "trip  hop",
                        " TRIP hop ",
                        "trip - hop",
                        "trip hop")) {
            assertThat(Genres.normalise(spelling)).as(spelling).isEqualTo("trip hop");
        }
    }

    @Test
    void accents_are_kept_and_composed() {
        String decomposed = "Mu\u0301sica Popular"; // u + combining acute
        assertThat(Genres.normalise(decomposed)).isEqualTo("m\u00fasica popular");
    }

    @Test
    void normalise_all_drops_repeats_and_blanks_and_keeps_the_order() {
        assertThat(
                        Genres.normaliseAll(
                                Arrays.asList("Trip-Hop", "jazz", null, " ", "trip_hop", "Jazz")))
                .containsExactly("trip hop", "jazz");
    }

    @Test
    void listening_notes_and_decades_are_not_genres_and_jazz_is() {
        assertThat(Genres.isGenreTag("jazz")).isTrue();
        assertThat(Genres.isGenreTag("trip hop")).isTrue();
        assertThat(Genres.isGenreTag("seen live")).isFalse();
        assertThat(Genres.isGenreTag("favourites")).isFalse();
        assertThat(Genres.isGenreTag("80s")).isFalse();
        assertThat(Genres.isGenreTag("1990s")).isFalse();
        assertThat(Genres.isGenreTag("")).isFalse();
    }
}
