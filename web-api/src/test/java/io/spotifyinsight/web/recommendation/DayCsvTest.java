package io.spotifyinsight.web.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DayCsvTest {
    @Test
    void cells_are_quoted_per_rfc_4180_and_formulas_are_defused() {
        assertThat(DayCsv.cell("plain")).isEqualTo("plain");
        assertThat(DayCsv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(DayCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(DayCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(DayCsv.cell("-1")).isEqualTo("'-1");
        assertThat(DayCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(DayCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(DayCsv.cell(null)).isEmpty();
    }

    @Test
    void if_none_match_uses_weak_comparison_and_lists() {
        assertThat(RecommendationController.matches("W/\"abc-json\"", "W/\"abc-json\"")).isTrue();
        assertThat(RecommendationController.matches("\"abc-json\"", "W/\"abc-json\"")).isTrue();
        assertThat(RecommendationController.matches("\"x\", W/\"abc-json\"", "W/\"abc-json\""))
                .isTrue();
        assertThat(RecommendationController.matches("*", "W/\"abc-json\"")).isTrue();
        assertThat(RecommendationController.matches("W/\"abc-csv\"", "W/\"abc-json\"")).isFalse();
    }
}
