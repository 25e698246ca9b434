package io.spotifyinsight.web.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.StoredDay;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import io.spotifyinsight.persistence.testing.TestTracks;
import io.spotifyinsight.web.http.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The writers and the model without a server: edge cases of text, numbers and ordering. */
class PlaylistWritersTest {
    static final LocalDate DATE = LocalDate.of(2026, 11, 24);
    static final OffsetDateTime FETCHED =
            OffsetDateTime.of(2026, 11, 24, 3, 0, 0, 0, ZoneOffset.ofHours(2));

    static StoredDay day(LocalDate date, List<TrackInfo> tracks) {
        List<RecommendedTrack> recommended = TestTracks.recommended(tracks);
        return new StoredDay("alice", date, Strategy.SEARCH, FETCHED, 7L, recommended, List.of());
    }

    static TrackInfo titled(String title) {
        TrackInfo any = TestTracks.track(1);
        return new TrackInfo(any.id(), title, 1_499, null, null, any.artists());
    }

    @Test
    void a_day_becomes_a_playlist_titled_with_user_and_date_and_the_utc_fetch_time() {
        Playlist playlist = Playlist.ofDay(day(DATE, TestTracks.tracks(0, 2)));
        assertThat(playlist.title()).isEqualTo("Spotify Insight: alice, 2026-11-24");
        assertThat(playlist.created()).hasToString("2026-11-24T01:00:00Z");
        assertThat(playlist.tracks().get(1).creator()).isEqualTo("Artist 1, Featured 1");
        assertThat(playlist.tracks().get(1).origin())
                .isEqualTo(new Playlist.Origin(DATE, 2, "search", "test reason for 'Track 1'"));
    }

    @Test
    void a_range_is_ordered_oldest_first_even_when_given_newest_first() {
        Playlist playlist =
                Playlist.ofRange(
                        "alice",
                        DATE.minusDays(9),
                        DATE,
                        List.of(
                                day(DATE, TestTracks.tracks(0, 1)),
                                day(DATE.minusDays(2), TestTracks.tracks(5, 1))));
        assertThat(playlist.tracks())
                .extracting(Playlist.Track::title)
                .containsExactly("Track 5", "Track 0");
        assertThat(playlist.tracks()).extracting(t -> t.origin().position()).containsExactly(1, 1);
        assertThat(playlist.annotation()).contains("2 days");
    }

    @Test
    void xspf_drops_what_xml_cannot_carry_and_escapes_the_rest() throws Exception {
        String title = "a\u0000b\u001Fc\uFFFEd <&> \"'\tok \uD800 𝄞";
        byte[] xml = new XspfWriter().write(Playlist.ofDay(day(DATE, List.of(titled(title)))));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        String parsed =
                document.getElementsByTagNameNS(XspfWriter.XSPF_NAMESPACE, "track")
                        .item(0)
                        .getChildNodes()
                        .item(2)
                        .getTextContent();
        assertThat(parsed).isEqualTo("abcd <&> \"'\tok  𝄞");
        assertThat(new String(xml, StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("&lt;&amp;");
    }

    @Test
    void m3u8_rounds_to_whole_seconds_and_keeps_every_entry_on_its_own_line() {
        assertThat(M3uWriter.seconds(0)).isZero();
        assertThat(M3uWriter.seconds(1_499)).isEqualTo(1);
        assertThat(M3uWriter.seconds(1_500)).isEqualTo(2);
        assertThat(M3uWriter.oneLine("a\rb\nc\u0085d\u2028e\u2029f")).isEqualTo("a b c d e f");
        String m3u =
                new String(
                        new M3uWriter()
                                .write(Playlist.ofDay(day(DATE, List.of(titled("x\n#EXTM3U"))))),
                        StandardCharsets.UTF_8);
        assertThat(m3u)
                .isEqualTo(
                        "#EXTM3U\n#PLAYLIST:Spotify Insight: alice, 2026-11-24\n"
                                + "#EXTINF:1,Artist 1, Featured 1 - x #EXTM3U\n"
                                + "https://open.spotify.com/track/"
                                + TestTracks.id('t', 1)
                                + "\n");
    }

    @Test
    void jspf_leaves_out_unknown_optional_fields_and_uses_arrays_for_track_locations()
            throws Exception {
        byte[] body =
                new JspfWriter(Json.mapper())
                        .write(Playlist.ofDay(day(DATE, List.of(titled("t")))));
        JsonNode track = Json.mapper().readTree(body).at("/playlist/track/0");
        assertThat(track.has("album")).isFalse();
        assertThat(track.has("image")).isFalse();
        assertThat(track.get("location").isArray()).isTrue();
        assertThat(track.get("duration").asInt()).isEqualTo(1_499);
        assertThat(track.at("/extension").fieldNames().next())
                .isEqualTo(JspfWriter.TRACK_EXTENSION);
        assertThat(Json.mapper().readTree(body).at("/playlist/date").asText())
                .isEqualTo("2026-11-24T01:00:00Z");
    }
}
