package io.spotifyinsight.persistence.knowledge;

import static io.spotifyinsight.persistence.testing.TestTracks.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.testing.TestDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SeedKnowledgeRepositoryTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase(2);

    private static final OffsetDateTime NOW =
            OffsetDateTime.of(2026, 12, 1, 3, 0, 0, 0, ZoneOffset.UTC);

    private final SeedKnowledgeRepository knowledge = new SeedKnowledgeRepository(db.dsl());

    @Test
    void anArtistsGenres_roundTripInOrder_withTheirSource_andAreReplacedWhole() {
        knowledge.saveArtist(
                new ArtistKnowledge(
                        id('r', 1),
                        "Massive Attack",
                        List.of("trip hop", "electronic"),
                        "lastfm",
                        null,
                        NOW));
        knowledge.saveArtist(
                new ArtistKnowledge(
                        id('r', 1),
                        "Massive Attack",
                        List.of("trip hop", "bristol sound"),
                        "musicbrainz",
                        "10adbe5e-a2c0-4bf3-8249-2b4cbf6e6ca8",
                        NOW));

        ArtistKnowledge found =
                knowledge
                        .artists(List.of(id('r', 1), id('r', 2)), NOW.minusDays(30))
                        .get(id('r', 1));
        assertThat(found.genres()).containsExactly("trip hop", "bristol sound");
        assertThat(found.genreSource()).isEqualTo("musicbrainz");
        assertThat(found.musicBrainzId()).isEqualTo("10adbe5e-a2c0-4bf3-8249-2b4cbf6e6ca8");
    }

    @Test
    void aMiss_isKeptToo_andOldEntriesCountAsUnknown() {
        knowledge.saveArtist(
                new ArtistKnowledge(id('r', 3), "Nobody Knows", List.of(), null, null, NOW));
        knowledge.saveArtist(
                new ArtistKnowledge(
                        id('r', 4),
                        "Long Ago",
                        List.of("jazz"),
                        "spotify",
                        null,
                        NOW.minusDays(31)));

        var found = knowledge.artists(List.of(id('r', 3), id('r', 4)), NOW.minusDays(30));
        assertThat(found).containsOnlyKeys(id('r', 3));
        assertThat(found.get(id('r', 3)).genres()).isEmpty();
        assertThat(found.get(id('r', 3)).genreSource()).isNull();
    }

    @Test
    void genresWithoutASource_areRefused() {
        assertThatThrownBy(
                        () ->
                                new ArtistKnowledge(
                                        id('r', 5), "X", List.of("rock"), null, null, NOW))
                .hasMessageContaining("go together");
    }

    @Test
    void aSeedTrack_roundTripsWithItsArtistsInOrder() {
        var track =
                new TrackKnowledge(
                        id('t', 1),
                        "Regulate",
                        List.of(
                                new ArtistInfo(id('r', 10), "Warren G"),
                                new ArtistInfo(id('r', 11), "Nate Dogg")),
                        "1994-06-07",
                        "USDJ29400011",
                        NOW);
        knowledge.saveTrack(track);

        assertThat(knowledge.tracks(List.of(id('t', 1)), NOW.minusDays(30)))
                .containsEntry(id('t', 1), track);
        assertThat(knowledge.tracks(List.of(id('t', 1)), NOW.plusSeconds(1))).isEmpty();
    }
}
