package io.spotifyinsight.fetcher.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifyinsight.spotify.model.Album;
import io.spotifyinsight.spotify.model.ArtistRef;
import io.spotifyinsight.spotify.model.Track;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CandidatesTest {
    private static Track track(int n, int artist) {
        String id = String.format("%022d", n);
        return new Track(
                id,
                "Track " + n,
                "spotify:track:" + id,
                "https://open.spotify.com/track/" + id,
                1000,
                false,
                new Album("a" + n, "Album", "2001", "year", null),
                List.of(new ArtistRef("artist" + artist, "Artist " + artist)),
                null);
    }

    private static List<Track> pool(int tracks, int artists) {
        List<Track> pool = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            pool.add(track(i, i % artists));
        }
        return pool;
    }

    @Test
    void the_pick_depends_only_on_the_candidate_set_and_the_seed() {
        List<Track> pool = pool(60, 20);
        List<Track> reversed = new ArrayList<>(pool);
        java.util.Collections.reverse(reversed);
        long seed = Candidates.seedFor("alice", LocalDate.of(2025, 1, 1));

        assertThat(Candidates.pick(reversed, Set.of(), 20, seed))
                .isEqualTo(Candidates.pick(pool, Set.of(), 20, seed));
        assertThat(
                        Candidates.pick(
                                pool,
                                Set.of(),
                                20,
                                Candidates.seedFor("alice", LocalDate.of(2025, 1, 2))))
                .isNotEqualTo(Candidates.pick(pool, Set.of(), 20, seed));
        assertThat(Candidates.seedFor("alice", LocalDate.of(2025, 1, 1)))
                .isNotEqualTo(Candidates.seedFor("bob", LocalDate.of(2025, 1, 1)));
    }

    @Test
    void seed_tracks_and_repeats_are_left_out_and_no_artist_exceeds_a_fifth_when_others_can() {
        List<Track> pool = pool(100, 10);
        pool.addAll(pool(100, 10)); // every track twice
        Set<String> seeds = Set.of(pool.get(0).id(), pool.get(1).id());

        List<Track> picked = Candidates.pick(pool, seeds, 20, 42);

        assertThat(picked).hasSize(20).doesNotHaveDuplicates();
        assertThat(picked).extracting(Track::id).doesNotContainAnyElementsOf(seeds);
        Map<String, Long> perArtist =
                picked.stream()
                        .collect(
                                Collectors.groupingBy(
                                        t -> t.artists().get(0).id(), Collectors.counting()));
        assertThat(perArtist.values()).allMatch(count -> count <= Candidates.artistCap(20));
    }

    @Test
    void a_pool_of_too_few_artists_still_fills_the_list_and_a_small_pool_gives_what_it_has() {
        assertThat(Candidates.pick(pool(30, 2), Set.of(), 20, 1)).hasSize(20);
        assertThat(Candidates.pick(pool(5, 5), Set.of(), 20, 1)).hasSize(5);
        assertThat(Candidates.usable(pool(30, 2), Set.of(), 20)).isEqualTo(8);
        assertThat(Candidates.artistCap(20)).isEqualTo(4);
        assertThat(Candidates.artistCap(3)).isEqualTo(2);
        assertThat(Candidates.pick(List.of(), Set.of(), 20, 1)).isEmpty();
        // the first of each id is kept, in the order met
        assertThat(Candidates.distinct(List.of(track(2, 1), track(1, 1), track(2, 9), track(3, 1))))
                .containsExactly(track(2, 1), track(1, 1), track(3, 1));
    }

    @Test
    void search_queries_quote_values_and_years_come_from_any_date_precision() {
        assertThat(SearchRecommendations.filter("artist", "Nina \"The\" Simone"))
                .isEqualTo("artist:\"Nina The Simone\"");
        assertThat(SearchRecommendations.yearOf("1981-12-15")).isEqualTo(1981);
        assertThat(SearchRecommendations.yearOf("1981")).isEqualTo(1981);
        assertThat(SearchRecommendations.yearOf("0000")).isNull();
        assertThat(SearchRecommendations.yearOf(null)).isNull();
    }
}
