package io.spotifyinsight.fetcher.blend;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifyinsight.sources.Backoff;
import io.spotifyinsight.sources.MusicBrainzClient;
import io.spotifyinsight.sources.ReccoBeatsClient;
import io.spotifyinsight.sources.SourceConfig;
import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.sources.SourceTrack;
import io.spotifyinsight.sources.fake.FakeMusicBrainz;
import io.spotifyinsight.sources.fake.FakeReccoBeats;
import io.spotifyinsight.spotify.fake.FakeCatalog;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogArtist;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Last.fm's artists found on Spotify by their MBID, through the fakes of MusicBrainz and ReccoBeats
 * over one catalogue: what is found, what is not, and a failing service.
 */
class LinkedArtistsTest {
    private static final FakeCatalog CATALOG = FakeCatalog.standard();
    private static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(40));

    FakeMusicBrainz musicBrainz;
    FakeReccoBeats reccoBeats;
    MusicBrainzClient musicBrainzClient;
    ReccoBeatsClient reccoBeatsClient;
    SourceHealth health;
    LinkedArtists links;

    @BeforeEach
    void start() {
        musicBrainz = FakeMusicBrainz.builder(CATALOG).start();
        reccoBeats = FakeReccoBeats.builder(CATALOG).start();
        musicBrainzClient =
                new MusicBrainzClient(
                        SourceConfig.of(musicBrainz.url(), 0), "ops@example.org", null, FAST);
        reccoBeatsClient = new ReccoBeatsClient(SourceConfig.of(reccoBeats.url(), 0), null, FAST);
        health = new SourceHealth(EnumSet.of(SourceService.MUSICBRAINZ, SourceService.RECCOBEATS));
        links =
                new LinkedArtists(
                        new RunSources(null, reccoBeatsClient, null, musicBrainzClient, health));
    }

    @AfterEach
    void stop() {
        musicBrainzClient.close();
        reccoBeatsClient.close();
        musicBrainz.close();
        reccoBeats.close();
    }

    private CatalogArtist artist(boolean linkedInMusicBrainz) {
        return CATALOG.artists().stream()
                .filter(a -> musicBrainz.knowsArtist(a.id()) == linkedInMusicBrainz)
                .filter(a -> reccoBeats.knowsArtist(a.id()) && !a.genres().isEmpty())
                .filter(a -> !CATALOG.tracksBy(a.id()).isEmpty())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void an_artist_linked_to_spotify_comes_with_its_musicbrainz_genres_and_tracks_once_per_run() {
        CatalogArtist artist = artist(true);

        Optional<LinkedArtists.Linked> found = links.find(musicBrainz.mbidOf(artist.id()));

        assertThat(found).isPresent();
        assertThat(found.get().spotifyArtistId()).isEqualTo(artist.id());
        assertThat(found.get().genres())
                .containsExactlyInAnyOrderElementsOf(Genres.normaliseAll(artist.genres()));
        assertThat(found.get().tracks())
                .isNotEmpty()
                .allSatisfy(
                        t ->
                                assertThat(t.artists())
                                        .anyMatch(a -> artist.id().equals(a.spotifyId())));
        assertThat(found.get().tracks().stream().map(SourceTrack::spotifyId))
                .allMatch(id -> CATALOG.track(id).isPresent());
        int asked = musicBrainz.requests().size() + reccoBeats.requests().size();

        assertThat(links.find(musicBrainz.mbidOf(artist.id()))).isEqualTo(found);
        assertThat(musicBrainz.requests().size() + reccoBeats.requests().size()).isEqualTo(asked);
    }

    @Test
    void no_mbid_a_malformed_one_or_no_spotify_link_finds_nothing_and_only_the_last_asks() {
        assertThat(links.find(null)).isEmpty();
        assertThat(links.find("not-an-mbid")).isEmpty();
        assertThat(musicBrainz.requests()).isEmpty();

        assertThat(links.find(musicBrainz.mbidOf(artist(false).id()))).isEmpty();

        assertThat(musicBrainz.requests()).hasSize(1);
        assertThat(reccoBeats.requests()).isEmpty();
        assertThat(health.unavailable()).isEmpty();
    }

    @Test
    void a_failing_musicbrainz_is_taken_out_of_the_run_and_nothing_more_is_asked() {
        musicBrainz.alwaysFail(503);

        assertThat(links.find(musicBrainz.mbidOf(artist(true).id()))).isEmpty();

        assertThat(health.usable(SourceService.MUSICBRAINZ)).isFalse();
        assertThat(links.usable()).isFalse();
        int asked = musicBrainz.requests().size();
        musicBrainz.clearFaults();
        assertThat(links.find(musicBrainz.mbidOf(artist(true).id()))).isEmpty();
        assertThat(musicBrainz.requests()).hasSize(asked);
    }

    @Test
    void a_failing_reccobeats_is_taken_out_of_the_run() {
        reccoBeats.alwaysFail(500);

        assertThat(links.find(musicBrainz.mbidOf(artist(true).id()))).isEmpty();

        assertThat(health.usable(SourceService.RECCOBEATS)).isFalse();
        assertThat(health.usable(SourceService.MUSICBRAINZ)).isTrue();
    }

    @Test
    void without_musicbrainz_among_the_sources_nothing_is_asked() {
        LinkedArtists keyless =
                new LinkedArtists(
                        new RunSources(
                                null,
                                reccoBeatsClient,
                                null,
                                null,
                                new SourceHealth(EnumSet.of(SourceService.RECCOBEATS))));

        assertThat(keyless.usable()).isFalse();
        assertThat(keyless.find(musicBrainz.mbidOf(artist(true).id()))).isEmpty();
        assertThat(reccoBeats.requests()).isEmpty();
    }
}
