package io.spotifyinsight.sources.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.spotify.fake.FakeSpotify;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class FakeSourcesMainTest {

    @Test
    void startsAllFourFakesOverOneCatalogueAndPrintsTheirVariables() throws IOException {
        FakeSourcesMain.Options options =
                FakeSourcesMain.parse(
                        new String[] {
                            "--spotify-port",
                            "0",
                            "--reccobeats-port",
                            "0",
                            "--lastfm-port",
                            "0",
                            "--musicbrainz-port",
                            "0",
                            "--mode",
                            "development",
                            "--empty-genres",
                            "--lastfm-key",
                            "k3y"
                        });
        try (FakeSourcesMain.Running running = FakeSourcesMain.start(options)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FakeSourcesMain.printBanner(
                    running, new PrintStream(out, true, StandardCharsets.UTF_8));
            String banner = out.toString(StandardCharsets.UTF_8);

            assertThat(running.spotify().mode()).isEqualTo(FakeSpotify.Mode.DEVELOPMENT);
            assertThat(running.spotify().emptyArtistGenres()).isTrue();
            assertThat(running.env())
                    .containsKeys(
                            "SPOTIFY_API_URL",
                            "SPOTIFY_ACCOUNTS_URL",
                            "SPOTIFY_CLIENT_ID",
                            "SPOTIFY_CLIENT_SECRET")
                    .containsEntry("RECCOBEATS_API_URL", running.reccoBeats().url())
                    .containsEntry("LASTFM_API_URL", running.lastFm().url())
                    .containsEntry("LASTFM_API_KEY", "k3y")
                    .containsEntry("MUSICBRAINZ_API_URL", running.musicBrainz().url());
            assertThat(banner)
                    .contains("export RECCOBEATS_API_URL='" + running.reccoBeats().url() + "'")
                    .contains("export LASTFM_API_KEY='k3y'")
                    .contains("export SPOTIFY_CLIENT_SECRET=");
            String track = running.spotify().catalog().someTrackId();
            try (Response response =
                    SourceHttp.get(running.reccoBeats().url() + "/track?ids=" + track)) {
                assertThat(response.code()).isEqualTo(200);
            }
        }
    }

    @Test
    void rejectsBadOptionsWithAClearMessage() {
        assertThat(FakeSourcesMain.parse(new String[] {"--help"})).isNull();
        FakeSourcesMain.Options defaults = FakeSourcesMain.parse(new String[0]);
        assertThat(defaults.spotifyPort()).isEqualTo(8090);
        assertThat(defaults.lastFmKey()).isEqualTo(FakeLastFm.VALID_KEY);
        assertThatThrownBy(() -> FakeSourcesMain.parse(new String[] {"--lastfm-port", "x"}))
                .hasMessageContaining("--lastfm-port accepts a whole number from 0 to 65535");
        assertThatThrownBy(() -> FakeSourcesMain.parse(new String[] {"--mode", "turbo"}))
                .hasMessageContaining("--mode accepts extended or development");
        assertThatThrownBy(() -> FakeSourcesMain.parse(new String[] {"--colour", "red"}))
                .hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> FakeSourcesMain.parse(new String[] {"--host"}))
                .hasMessageContaining("missing value for --host");
    }
}
