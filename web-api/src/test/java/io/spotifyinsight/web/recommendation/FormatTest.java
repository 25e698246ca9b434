package io.spotifyinsight.web.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.web.error.ApiException;
import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void the_parameter_wins_over_accept() {
        assertThat(Format.negotiate("jspf", "application/xspf+xml", Format.FOR_DAY))
                .isEqualTo(Format.JSPF);
        assertThat(Format.negotiate("json", "text/csv", Format.FOR_DAY)).isEqualTo(Format.JSON);
    }

    @Test
    void accept_picks_the_first_named_of_our_types_unless_json_is_named() {
        assertThat(Format.negotiate(null, null, Format.FOR_DAY)).isEqualTo(Format.JSON);
        assertThat(Format.negotiate(null, "*/*", Format.FOR_DAY)).isEqualTo(Format.JSON);
        assertThat(Format.negotiate(null, "Audio/X-MpegURL", Format.FOR_DAY)).isEqualTo(Format.M3U);
        assertThat(Format.negotiate(null, "application/xspf+xml, text/csv", Format.FOR_DAY))
                .isEqualTo(Format.XSPF);
        assertThat(Format.negotiate(null, "text/csv, application/xspf+xml", Format.FOR_DAY))
                .isEqualTo(Format.CSV);
        assertThat(Format.negotiate(null, "text/csv, application/json", Format.FOR_DAY))
                .isEqualTo(Format.JSON);
        assertThat(Format.negotiate(null, "text/csv", Format.FOR_RANGE))
                .as("no CSV for ranges")
                .isEqualTo(Format.JSON);
    }

    @Test
    void an_unknown_or_unoffered_value_is_400_listing_the_offered_ones() {
        assertThatThrownBy(() -> Format.negotiate("csv", null, Format.FOR_RANGE))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> {
                            assertThat(e.problem().status()).isEqualTo(400);
                            assertThat(e.problem().type()).endsWith(":invalid-format");
                            assertThat(e.problem().detail())
                                    .isEqualTo(
                                            "format must be one of json, jspf, xspf, m3u (got"
                                                    + " 'csv')");
                        });
        assertThatThrownBy(() -> Format.negotiate("M3U\n", null, Format.FOR_DAY))
                .hasMessage("format must be one of json, csv, jspf, xspf, m3u (got 'M3U?')");
    }

    @Test
    void the_answer_carries_the_media_type_accept_named_when_it_named_only_an_alias() {
        String written = "audio/x-mpegurl; charset=utf-8";
        assertThat(Format.M3U.contentType("application/vnd.apple.mpegurl", written))
                .isEqualTo("application/vnd.apple.mpegurl; charset=utf-8");
        assertThat(
                        Format.M3U.contentType(
                                "application/vnd.apple.mpegurl, audio/x-mpegurl", written))
                .isEqualTo(written);
        assertThat(Format.M3U.contentType(null, written)).isEqualTo(written);
        assertThat(
                        Format.XSPF.contentType(
                                "application/xspf+xml", "application/xspf+xml; charset=utf-8"))
                .isEqualTo("application/xspf+xml; charset=utf-8");
    }
}
