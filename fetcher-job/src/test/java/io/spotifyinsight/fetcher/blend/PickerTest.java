package io.spotifyinsight.fetcher.blend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.persistence.testing.TestTracks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PickerTest {
    private static final String AFFINITY = "trip hop";

    /** Several seeds, so that an order the tiers must impose cannot pass by a lucky shuffle. */
    private static final long[] SEEDS = LongStream.range(0, 25).toArray();

    // ---- fixtures: a track is (n, its artists by number); a candidate has "any" source, reason,
    // genres and relevance

    private static String trackId(int n) {
        return TestTracks.id('t', n);
    }

    private static String artistId(int n) {
        return TestTracks.id('r', n);
    }

    private static TrackInfo track(int n, int... artists) {
        List<ArtistInfo> credited =
                Arrays.stream(artists)
                        .mapToObj(a -> new ArtistInfo(artistId(a), "Artist " + a))
                        .toList();
        return new TrackInfo(trackId(n), "Track " + n, 200_000, false, null, credited);
    }

    private static Candidate candidate(int n, int... artists) {
        return new Candidate(track(n, artists), TrackSource.LASTFM, "reason " + n, Set.of(), 0);
    }

    private static Candidate sharing(int n, int... artists) {
        return candidate(n, artists).withGenres(Set.of(AFFINITY), null);
    }

    private static Candidate withRelevance(Candidate c, double relevance) {
        return new Candidate(c.track(), c.source(), c.reason(), c.genres(), relevance);
    }

    private static Candidate similar(int n, int... artists) {
        return withRelevance(candidate(n, artists), Picker.SIMILAR_ENOUGH);
    }

    /**
     * A request with defaults: limit 20, the affinity genre {@value #AFFINITY}, nothing seeded,
     * excluded or recent.
     */
    private static final class Req {
        private final List<Candidate> candidates = new ArrayList<>();
        private int limit = 20;
        private final Map<String, Set<String>> artistGenres = new HashMap<>();
        private final Map<String, Set<String>> lastFmGenres = new HashMap<>();
        private final Set<String> seedArtists = new HashSet<>();
        private final Set<String> seedTracks = new HashSet<>();
        private final Set<String> excludedArtists = new HashSet<>();
        private final Set<String> excludedTracks = new HashSet<>();
        private final Set<String> recent = new HashSet<>();
        private long seed = 7;

        Req add(Candidate... more) {
            candidates.addAll(List.of(more));
            return this;
        }

        Req add(List<Candidate> more) {
            candidates.addAll(more);
            return this;
        }

        Req limit(int value) {
            limit = value;
            return this;
        }

        Req seed(long value) {
            seed = value;
            return this;
        }

        Req recent(int... tracks) {
            Arrays.stream(tracks).mapToObj(PickerTest::trackId).forEach(recent::add);
            return this;
        }

        Req seedArtists(int... artists) {
            Arrays.stream(artists).mapToObj(PickerTest::artistId).forEach(seedArtists::add);
            return this;
        }

        Req lastFmGenres(int artist, String... genres) {
            lastFmGenres.put(artistId(artist), Set.of(genres));
            return this;
        }

        Req artistGenres(int artist, String... genres) {
            artistGenres.put(artistId(artist), Set.of(genres));
            return this;
        }

        Picker.Request build() {
            return new Picker.Request(
                    candidates,
                    limit,
                    Set.of(AFFINITY),
                    artistGenres,
                    lastFmGenres,
                    seedArtists,
                    seedTracks,
                    excludedArtists,
                    excludedTracks,
                    recent,
                    seed);
        }

        Picker.Pick pick() {
            return Picker.pick(build());
        }

        List<String> ids() {
            return PickerTest.ids(pick());
        }
    }

    private static List<String> ids(Picker.Pick pick) {
        return pick.tracks().stream().map(Candidate::id).toList();
    }

    private static List<String> trackIds(int... tracks) {
        return Arrays.stream(tracks).mapToObj(PickerTest::trackId).toList();
    }

    private static long byArtist(Picker.Pick pick, int artist) {
        return pick.tracks().stream()
                .filter(c -> c.mainArtistId().equals(artistId(artist)))
                .count();
    }

    private static long bySeedArtists(Picker.Pick pick, Set<String> seedArtistIds) {
        return pick.tracks().stream()
                .filter(
                        c ->
                                c.track().artists().stream()
                                        .anyMatch(a -> seedArtistIds.contains(a.id())))
                .count();
    }

    /**
     * Whatever the shuffle's seed (each of {@link #SEEDS}), the request that {@code setup} makes of
     * a default one picks exactly the tracks numbered {@code tracks}, in that order.
     */
    private static void assertPickedInOrder(UnaryOperator<Req> setup, int... tracks) {
        for (long seed : SEEDS) {
            assertThat(setup.apply(new Req().seed(seed)).ids())
                    .as("seed %d", seed)
                    .containsExactlyElementsOf(trackIds(tracks));
        }
    }

    // ---- duplicates

    @Test
    void a_track_proposed_twice_appears_once_with_both_genres_and_the_more_relevant_reason() {
        Candidate weak =
                new Candidate(track(1, 1), TrackSource.LASTFM, "weak", Set.of("jazz"), 0.2);
        Candidate strong =
                new Candidate(track(1, 1), TrackSource.SEARCH, "strong", Set.of("soul"), 0.7);

        for (List<Candidate> order : List.of(List.of(weak, strong), List.of(strong, weak))) {
            Picker.Pick pick = new Req().add(order).pick();

            assertThat(pick.tracks()).hasSize(1);
            Candidate merged = pick.tracks().get(0);
            assertThat(merged.genres()).containsExactlyInAnyOrder("jazz", "soul");
            assertThat(merged.reason()).isEqualTo("strong");
            assertThat(merged.source()).isEqualTo(TrackSource.SEARCH);
            assertThat(merged.relevance()).isEqualTo(0.7);
        }
    }

    @Test
    void of_two_proposals_the_genre_backed_one_keeps_its_reason_over_a_more_relevant_one() {
        Candidate backed =
                new Candidate(
                        track(1, 1), TrackSource.LASTFM, "tagged trip hop", Set.of(AFFINITY), 0.1);
        Candidate bare =
                new Candidate(
                        track(1, 1), TrackSource.RECCOBEATS, "similar to a seed", Set.of(), 0.9);

        for (List<Candidate> order : List.of(List.of(backed, bare), List.of(bare, backed))) {
            Candidate merged = new Req().add(order).pick().tracks().get(0);

            assertThat(merged.reason()).isEqualTo("tagged trip hop");
            assertThat(merged.source()).isEqualTo(TrackSource.LASTFM);
            assertThat(merged.genres()).containsExactly(AFFINITY);
        }
    }

    @Test
    void the_merged_genres_make_a_track_share_a_genre_that_only_one_of_its_proposals_knew() {
        // proposed once without genres (relevance 0, so the "rest" tier) and once tagged with the
        // affinity genre
        Candidate untagged = candidate(1, 1);
        Candidate tagged =
                new Candidate(track(1, 1), TrackSource.LASTFM, "tagged", Set.of(AFFINITY), 0);
        Candidate similarOther = withRelevance(candidate(2, 2), 1.0);

        assertPickedInOrder(req -> req.add(untagged, similarOther, tagged), 1, 2);
    }

    // ---- never recommended

    @Test
    void seed_tracks_and_excluded_tracks_and_artists_never_appear_even_if_the_list_ends_short() {
        Req req =
                new Req()
                        .limit(10)
                        .add(
                                sharing(1, 1), // a seed track
                                sharing(2, 2), // an excluded track
                                sharing(3, 3), // by an excluded artist
                                sharing(4, 4, 3), // featuring the excluded artist
                                candidate(5, 5), // fine
                                sharing(1, 1)); // the seed track again, from another source
        req.seedTracks.add(trackId(1));
        req.excludedTracks.add(trackId(2));
        req.excludedArtists.add(artistId(3));

        Picker.Pick pick = req.pick();

        assertThat(ids(pick)).containsExactly(trackId(5));
        assertThat(pick.withinCaps()).isEqualTo(1);
    }

    // ---- genres

    @Test
    void a_candidate_shares_a_genre_by_its_own_genres_or_by_those_learnt_for_its_artists() {
        for (long seed : SEEDS) {
            Req req =
                    new Req()
                            .seed(seed)
                            .add(
                                    candidate(1, 1)
                                            .withGenres(
                                                    Set.of("jazz", AFFINITY),
                                                    null), // its own genres
                                    candidate(2, 2), // its main artist's genres
                                    candidate(3, 30, 3), // a featured artist's genres
                                    withRelevance(
                                            candidate(4, 4), 0.4), // learnt genres, but others
                                    withRelevance(
                                            candidate(5, 5).withGenres(Set.of("rock"), null),
                                            0.4)) // own genres, others
                            .artistGenres(2, AFFINITY)
                            .artistGenres(3, "soul", AFFINITY)
                            .artistGenres(4, "rock");

            List<String> ids = req.ids();

            assertThat(ids.subList(0, 3))
                    .as("seed %d", seed)
                    .containsExactlyInAnyOrder(trackId(1), trackId(2), trackId(3));
            assertThat(ids.subList(3, 5))
                    .as("seed %d", seed)
                    .containsExactlyInAnyOrder(trackId(4), trackId(5));
        }
    }

    @Test
    void a_genre_only_lastFms_tags_give_ranks_below_a_vouched_one_and_above_unknown_ones() {
        assertPickedInOrder(
                req ->
                        req.add(
                                        // Last.fm's tags by name: the namesake may be meant
                                        withRelevance(candidate(1, 1), 1.0),
                                        // found by a genre search
                                        withRelevance(candidate(2, 2), 0.1),
                                        // similar, genre unknown
                                        withRelevance(candidate(3, 3), 1.0))
                                .lastFmGenres(1, AFFINITY)
                                .artistGenres(2, AFFINITY),
                2,
                1,
                3);
    }

    @Test
    void a_namesakes_lastFm_tags_do_not_outweigh_other_genres_known_of_the_artist_by_id() {
        assertPickedInOrder(
                req ->
                        // tagged by name, but MusicBrainz or search knows this artist as punk
                        req.add(withRelevance(candidate(1, 1), 1.0))
                                .add(withRelevance(candidate(3, 3), 0.6)) // similar, genre unknown
                                .lastFmGenres(1, AFFINITY)
                                .artistGenres(1, "punk"),
                3,
                1);
    }

    // ---- tiers

    @Test
    void tiers_come_fresh_sharing_fresh_similar_recent_sharing_fresh_rest_then_recent_rest() {
        assertPickedInOrder(
                req ->
                        req.recent(3, 5)
                                .add(
                                        // recent, not sharing, most relevant
                                        withRelevance(candidate(5, 5), 1.0),
                                        // fresh, just short of similar
                                        withRelevance(candidate(4, 4), 0.49),
                                        // recent, sharing
                                        withRelevance(sharing(3, 3), 1.0),
                                        // fresh, similar at the threshold
                                        similar(2, 2),
                                        // fresh, sharing, relevance 0
                                        sharing(1, 1)),
                1,
                2,
                3,
                4,
                5);
    }

    @Test
    void within_a_tier_a_much_more_relevant_candidate_comes_first() {
        assertPickedInOrder(
                req ->
                        req.add(
                                withRelevance(candidate(1, 1), 0.0),
                                withRelevance(candidate(2, 2), 0.45)),
                2,
                1);
    }

    @Test
    void recent_tracks_are_left_out_while_fresh_ones_fill_the_list() {
        List<Candidate> fresh = IntStream.rangeClosed(1, 4).mapToObj(n -> similar(n, n)).toList();
        List<Candidate> recent =
                IntStream.rangeClosed(11, 14)
                        .mapToObj(n -> withRelevance(candidate(n, n), 1.0))
                        .toList();

        assertThat(new Req().limit(4).add(recent).add(fresh).recent(11, 12, 13, 14).ids())
                .containsExactlyInAnyOrderElementsOf(trackIds(1, 2, 3, 4));
        // the fresh ones run out: recent tracks fill the rest, after every fresh one
        List<String> six = new Req().limit(6).add(recent).add(fresh).recent(11, 12, 13, 14).ids();
        assertThat(six).hasSize(6);
        assertThat(six.subList(0, 4)).containsExactlyInAnyOrderElementsOf(trackIds(1, 2, 3, 4));
        assertThat(trackIds(11, 12, 13, 14)).containsAll(six.subList(4, 6));
    }

    // ---- caps

    @Test
    void an_artist_gets_at_most_two_tracks_while_other_artists_can_fill_the_list() {
        List<Candidate> byOne =
                IntStream.rangeClosed(1, 5)
                        .mapToObj(n -> withRelevance(sharing(n, 1), 1.0))
                        .toList();
        List<Candidate> others =
                IntStream.rangeClosed(11, 14).mapToObj(n -> candidate(n, n)).toList();

        Picker.Pick pick = new Req().limit(6).add(byOne).add(others).pick();

        assertThat(pick.tracks()).hasSize(6);
        assertThat(byArtist(pick, 1)).isEqualTo(Picker.PER_ARTIST);
        assertThat(ids(pick)).containsAll(trackIds(11, 12, 13, 14));
        assertThat(pick.withinCaps()).isEqualTo(6);
    }

    @Test
    void a_list_that_cannot_be_filled_otherwise_relaxes_the_artist_cap_and_says_how_far() {
        List<Candidate> byOne = IntStream.rangeClosed(1, 5).mapToObj(n -> sharing(n, 1)).toList();
        List<Candidate> others =
                IntStream.rangeClosed(11, 12).mapToObj(n -> candidate(n, n)).toList();

        Picker.Pick pick = new Req().limit(6).add(byOne).add(others).pick();

        assertThat(pick.tracks()).hasSize(6);
        assertThat(byArtist(pick, 1)).isEqualTo(4);
        assertThat(pick.withinCaps()).isEqualTo(4); // two by artist 1, the two others
        // the tracks taken within the caps come first
        assertThat(
                        pick.tracks().subList(0, 4).stream()
                                .filter(c -> c.mainArtistId().equals(artistId(1))))
                .hasSize(2);
    }

    @Test
    void seed_artists_together_get_at_most_a_fifth_of_the_list_counting_featured_credits() {
        // seed artists 1, 2, 3 (each within the per-artist cap), also credited second on tracks
        // 4..7
        Req req =
                new Req()
                        .limit(20)
                        .seedArtists(1, 2, 3)
                        .add(
                                withRelevance(sharing(1, 1), 1.0),
                                withRelevance(sharing(2, 2), 1.0),
                                withRelevance(sharing(3, 3), 1.0),
                                withRelevance(sharing(4, 40, 1), 1.0),
                                withRelevance(sharing(5, 50, 2), 1.0),
                                withRelevance(sharing(6, 60, 3), 1.0),
                                withRelevance(sharing(7, 70, 1), 1.0))
                        .add(IntStream.rangeClosed(11, 30).mapToObj(n -> candidate(n, n)).toList());

        Picker.Pick pick = req.pick();

        assertThat(pick.tracks()).hasSize(20);
        assertThat(bySeedArtists(pick, req.build().seedArtistIds())).isEqualTo(4); // 20 / 5
        assertThat(pick.withinCaps()).isEqualTo(20);
    }

    @Test
    void a_short_list_gets_one_seed_artist_track() {
        Req req =
                new Req()
                        .limit(3)
                        .seedArtists(1, 2)
                        .add(withRelevance(sharing(1, 1), 1.0), withRelevance(sharing(2, 2), 1.0))
                        .add(candidate(11, 11), candidate(12, 12), candidate(13, 13));

        Picker.Pick pick = req.pick();

        assertThat(pick.tracks()).hasSize(3);
        assertThat(bySeedArtists(pick, req.build().seedArtistIds())).isEqualTo(1); // max(1, 3 / 5)
    }

    @Test
    void seed_artists_fill_a_list_nothing_else_can_fill_only_after_the_artist_cap_is_relaxed() {
        // artist 1 (not a seed artist) has four tracks, seed artist 9 three; limit 10 allows seed
        // artists 2
        List<Candidate> pool = new ArrayList<>();
        IntStream.rangeClosed(1, 4).forEach(n -> pool.add(sharing(n, 1)));
        IntStream.rangeClosed(11, 13).forEach(n -> pool.add(withRelevance(sharing(n, 9), 1.0)));

        Picker.Pick seven = new Req().limit(10).seedArtists(9).add(pool).pick();
        assertThat(seven.tracks()).hasSize(7); // everything, since nothing else is there
        assertThat(seven.withinCaps()).isEqualTo(4);
        // taken within the caps: two by artist 1, two by the seed artist; then artist 1's other
        // two; then the seed artist's third
        assertThat(seven.tracks().subList(4, 6))
                .allMatch(c -> c.mainArtistId().equals(artistId(1)));
        assertThat(seven.tracks().get(6).mainArtistId()).isEqualTo(artistId(9));

        // one short of the artist cap's relaxation: the seed artists' share still holds
        Picker.Pick five = new Req().limit(5).seedArtists(9).add(pool).pick();
        assertThat(five.tracks()).hasSize(5);
        assertThat(byArtist(five, 9)).isEqualTo(1); // max(1, 5 / 5)
        assertThat(byArtist(five, 1)).isEqualTo(4);
        assertThat(five.withinCaps()).isEqualTo(3);
    }

    // ---- determinism and limit

    private static List<Candidate> sameTierPool(int size) {
        return IntStream.rangeClosed(1, size).mapToObj(n -> similar(n, n)).toList();
    }

    @Test
    void the_same_candidates_and_seed_give_the_same_list_in_any_order_another_seed_another() {
        long today = Shuffle.seedFor("alice", LocalDate.of(2025, 3, 1));
        long tomorrow = Shuffle.seedFor("alice", LocalDate.of(2025, 3, 2));
        List<Candidate> pool = sameTierPool(30);
        List<Candidate> reversed = new ArrayList<>(pool);
        Collections.reverse(reversed);

        List<String> first = new Req().limit(30).seed(today).add(pool).ids();

        assertThat(new Req().limit(30).seed(today).add(reversed).ids()).isEqualTo(first);
        assertThat(new Req().limit(30).seed(today).add(pool).ids()).isEqualTo(first);
        List<String> next = new Req().limit(30).seed(tomorrow).add(pool).ids();
        assertThat(next).containsExactlyInAnyOrderElementsOf(first).isNotEqualTo(first);
    }

    @Test
    void the_list_is_never_longer_than_the_limit() {
        for (int limit : new int[] {1, 7, 20}) {
            Picker.Pick pick = new Req().limit(limit).add(sameTierPool(30)).pick();

            assertThat(pick.tracks()).hasSize(limit).doesNotHaveDuplicates();
            assertThat(pick.withinCaps()).isEqualTo(limit);
        }
    }

    @Test
    void a_limit_below_one_is_refused() {
        for (int limit : new int[] {0, -1}) {
            assertThatThrownBy(() -> new Req().limit(limit).add(sameTierPool(3)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("limit must be at least 1")
                    .hasMessageContaining(String.valueOf(limit));
        }
    }

    @Test
    void no_candidates_give_an_empty_list() {
        Picker.Pick pick = new Req().pick();

        assertThat(pick.tracks()).isEmpty();
        assertThat(pick.withinCaps()).isZero();
    }

    @Test
    void the_fixture_ids_are_spotify_shaped() {
        assertThat(sameTierPool(30).stream().map(Candidate::id).collect(Collectors.toSet()))
                .hasSize(30)
                .allMatch(id -> id.matches("[0-9A-Za-z]{22}"));
    }
}
