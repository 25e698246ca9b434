package io.spotifyinsight.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void a_value_within_the_limit_is_kept_whole_with_control_characters_as_question_marks() {
        assertThat(Printable.of("al\nice\u0000")).isEqualTo("al?ice?");
        assertThat(Printable.of("x".repeat(80))).isEqualTo("x".repeat(80));
        assertThat(Printable.of(null)).isEmpty();
    }

    @Test
    void a_longer_value_keeps_three_less_than_the_limit_and_ends_in_dots() {
        assertThat(Printable.of("x".repeat(81))).isEqualTo("x".repeat(77) + "...");
        assertThat(Printable.of("2026-01-01".repeat(5), 43))
                .isEqualTo("2026-01-01".repeat(4) + "...");
    }

    @Test
    void characters_are_counted_as_code_points_so_an_emoji_is_one_and_never_cut_in_half() {
        String note = "\uD83C\uDFB5";
        assertThat(Printable.of(note.repeat(25), 43)).isEqualTo(note.repeat(25));
        assertThat(Printable.of(note.repeat(50), 43)).isEqualTo(note.repeat(40) + "...");
    }
}
