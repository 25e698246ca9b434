package io.spotifyinsight.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.spotify.SpotifyIds.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpotifyIdsTest {

    private static final String ARTIST = "4NHQUGzhtTLFvgF5SZesLK";
    private static final String TRACK = "0c6xIDDpzE81m2q797ordA";

    @ParameterizedTest
    @ValueSource(
            strings = {
                ARTIST,
                "  " + ARTIST + " ",
                "spotify:artist:" + ARTIST,
                "https://open.spotify.com/artist/" + ARTIST,
                "https://open.spotify.com/artist/" + ARTIST + "/",
                "https://open.spotify.com/artist/" + ARTIST + "?si=Xy12_abcDEF",
                "https://open.spotify.com/intl-de/artist/" + ARTIST + "?si=Xy12_abcDEF",
                "https://open.spotify.com/intl-pt-BR/artist/" + ARTIST,
                "http://open.spotify.com/artist/" + ARTIST + "#top"
            })
    void acceptsBareIdsUrisAndLinksForArtists(String input) {
        assertThat(SpotifyIds.parse(Kind.ARTIST, input)).isEqualTo(ARTIST);
    }

    @Test
    void acceptsTrackUrisAndLinks() {
        assertThat(SpotifyIds.parse(Kind.TRACK, "spotify:track:" + TRACK)).isEqualTo(TRACK);
        assertThat(
                        SpotifyIds.parse(
                                Kind.TRACK, "https://open.spotify.com/track/" + TRACK + "?si=a1b2"))
                .isEqualTo(TRACK);
    }

    @Test
    void rejectsAUriOrLinkOfAnotherKindSayingWhatItNames() {
        assertThatThrownBy(() -> SpotifyIds.parse(Kind.ARTIST, "spotify:track:" + TRACK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("it names a track, not an artist")
                .hasMessageContaining("spotify:artist:<id>");
        assertThatThrownBy(
                        () ->
                                SpotifyIds.parse(
                                        Kind.TRACK, "https://open.spotify.com/album/" + TRACK))
                .hasMessageContaining("names an album, not a track");
        assertThatThrownBy(() -> SpotifyIds.parse(Kind.ARTIST, "spotify:user:alice"))
                .hasMessageContaining("it names a user, not an artist");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "abc",
                "4NHQUGzhtTLFvgF5SZesL",
                "4NHQUGzhtTLFvgF5SZesLK1",
                "4NHQUGzhtTLFvgF5SZes-K",
                "spotify:artist:",
                "spotify:artist:abc",
                "spotify:artist",
                "https://example.com/artist/4NHQUGzhtTLFvgF5SZesLK",
                "https://open.spotify.com/4NHQUGzhtTLFvgF5SZesLK",
                "https://open.spotify.com/artist/4NHQUGzhtTLFvgF5SZesLK/albums",
                "https://open.spotify.com/artist/not-an-id"
            })
    void rejectsMalformedInputListingTheAcceptedForms(String input) {
        assertThatThrownBy(() -> SpotifyIds.parse(Kind.ARTIST, input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a 22-character id")
                .hasMessageContaining("spotify:artist:<id> URI")
                .hasMessageContaining("https://open.spotify.com/artist/<id> link");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> SpotifyIds.parse(Kind.TRACK, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing was given");
    }

    @Test
    void isIdChecksTheBase62Format() {
        assertThat(SpotifyIds.isId(TRACK)).isTrue();
        assertThat(SpotifyIds.isId("spotify:track:" + TRACK)).isFalse();
        assertThat(SpotifyIds.isId(null)).isFalse();
    }
}
