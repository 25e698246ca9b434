package io.spotifyinsight.persistence.recommendation;

import static io.spotifyinsight.persistence.testing.TestTracks.id;
import static io.spotifyinsight.persistence.testing.TestTracks.recommended;
import static io.spotifyinsight.persistence.testing.TestTracks.track;
import static io.spotifyinsight.persistence.testing.TestTracks.tracks;
import static io.spotifyinsight.persistence.testing.TestTracks.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.persistence.ConstraintViolationException;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.persistence.user.UserRepository;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecommendationRepositoryTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase(8);

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    private static final OffsetDateTime FETCHED =
            OffsetDateTime.of(2026, 11, 24, 3, 0, 0, 0, ZoneOffset.UTC);

    private final UserRepository users = new UserRepository(db.dsl());
    private final RecommendationRepository recommendations = new RecommendationRepository(db.dsl());

    private static DayToStore day(UserAlias user, LocalDate date, List<TrackInfo> tracks) {
        return new DayToStore(user.id(), date, Strategy.SEARCH, null, FETCHED, recommended(tracks));
    }

    private static List<TrackInfo> infos(StoredDay day) {
        return day.tracks().stream().map(RecommendedTrack::track).toList();
    }

    @Test
    void storeDay_thenFindDay_returnsTracksInPositionOrder_withAlbumAndArtists() {
        UserAlias user = users.create(user("reader"));
        List<TrackInfo> stored = List.of(track(5), track(1), track(3));

        assertThat(recommendations.storeDay(day(user, DAY, stored))).isEqualTo(3);

        DayLookup lookup = recommendations.findDay("reader", DAY);
        assertThat(lookup).isInstanceOf(DayLookup.Found.class);
        StoredDay found = ((DayLookup.Found) lookup).day();
        assertThat(infos(found)).containsExactlyElementsOf(stored);
        assertThat(found.strategy()).isEqualTo(Strategy.SEARCH);
        assertThat(found.date()).isEqualTo(DAY);
        assertThat(found.fetchedAt()).isEqualTo(FETCHED);
    }

    @Test
    void storeDay_again_replacesTheDay_neverDuplicates() {
        UserAlias user = users.create(user("rerun"));
        recommendations.storeDay(day(user, DAY, tracks(0, 20)));
        recommendations.storeDay(day(user, DAY, tracks(10, 5)));

        StoredDay found = ((DayLookup.Found) recommendations.findDay("rerun", DAY)).day();
        assertThat(infos(found)).containsExactlyElementsOf(tracks(10, 5));
        assertThat(storedRows("user_id = ?", user.id())).isEqualTo(5);
    }

    @Test
    void storeDay_fromTwoThreadsAtOnce_leavesExactlyOneComplete_list() throws Exception {
        UserAlias user = users.create(user("racer"));
        for (int round = 0; round < 5; round++) {
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> writers = new ArrayList<>();
            for (int writer = 0; writer < 2; writer++) {
                List<TrackInfo> list = tracks(writer * 50 + round, 20);
                writers.add(
                        CompletableFuture.supplyAsync(
                                () -> {
                                    await(start);
                                    return recommendations.storeDay(day(user, DAY, list));
                                }));
            }
            for (CompletableFuture<Integer> w : writers) {
                assertThat(w.get()).isEqualTo(20);
            }
            StoredDay found = ((DayLookup.Found) recommendations.findDay("racer", DAY)).day();
            // one writer's list, whole: never a mix of both, never 40 rows
            assertThat(infos(found)).isIn(tracks(round, 20), tracks(50 + round, 20));
            assertThat(storedRows("user_id = ?", user.id())).isEqualTo(20);
        }
    }

    @Test
    void storeDay_ofManyUsersSharingTracks_inParallel_storesEveryDay() throws Exception {
        List<UserAlias> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(users.create(user("shared" + i)));
        }
        List<CompletableFuture<Integer>> writers = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < many.size(); i++) {
                UserAlias owner = many.get(i);
                // overlapping windows of one small catalogue, in different orders
                List<TrackInfo> list = new ArrayList<>(tracks((i * 3 + round) % 10, 20));
                java.util.Collections.rotate(list, i);
                LocalDate date = DAY.minusDays(round);
                writers.add(
                        CompletableFuture.supplyAsync(
                                () -> recommendations.storeDay(day(owner, date, list))));
            }
        }
        for (CompletableFuture<Integer> writer : writers) {
            assertThat(writer.get()).isEqualTo(20);
        }
        assertThat(
                        storedRows(
                                "user_id IN (SELECT id FROM app_user WHERE username LIKE"
                                        + " 'shared%')"))
                .isEqualTo(8 * 5 * 20);
    }

    @Test
    void storeDay_leavesUnchangedCatalogueRowsAlone() {
        UserAlias user = users.create(user("untouched"));
        recommendations.storeDay(day(user, DAY, tracks(200, 3)));
        var before =
                db.dsl()
                        .fetch("SELECT id, updated_at FROM track WHERE id = ?", track(200).id())
                        .get(0)
                        .get(1);

        recommendations.storeDay(day(user, DAY.plusDays(1), tracks(200, 3)));

        assertThat(
                        db.dsl()
                                .fetch("SELECT updated_at FROM track WHERE id = ?", track(200).id())
                                .get(0)
                                .get(0))
                .isEqualTo(before);
    }

    @Test
    void storeDay_updatesCatalogueRows_whenSpotifysDataChanges() {
        UserAlias user = users.create(user("catalog"));
        TrackInfo original = track(7);
        recommendations.storeDay(day(user, DAY, List.of(original)));
        TrackInfo renamed =
                new TrackInfo(
                        original.id(),
                        "Renamed – Remastered 2026",
                        original.durationMs(),
                        original.explicit(),
                        new AlbumInfo(original.album().id(), "New Album Name", "2026", null),
                        List.of(new ArtistInfo(id('r', 42), "Solo Artist")));

        recommendations.storeDay(day(user, DAY.plusDays(1), List.of(renamed)));

        StoredDay older = ((DayLookup.Found) recommendations.findDay("catalog", DAY)).day();
        assertThat(infos(older)).containsExactly(renamed);
        assertThat(db.dsl().fetchCount(db.dsl().selectFrom("track").where("id = ?", original.id())))
                .isEqualTo(1);
    }

    @Test
    void unicodeNames_roundTripUnchanged() {
        UserAlias user = users.create(user("unicode"));
        TrackInfo track =
                new TrackInfo(
                        id('t', 900),
                        "Café del Mar – 夜に駆ける 🎧 e\u0301",
                        1000,
                        false,
                        new AlbumInfo(id('a', 900), "Ünïcödé 𝄞 Album", "1999-12", null),
                        List.of(
                                new ArtistInfo(id('r', 900), "Björk"),
                                new ArtistInfo(id('r', 901), "李荣浩")));

        recommendations.storeDay(day(user, DAY, List.of(track)));

        assertThat(infos(((DayLookup.Found) recommendations.findDay("unicode", DAY)).day()))
                .containsExactly(track);
    }

    @Test
    void findDay_distinguishesUnknownUser_fromNoListForThatDate() {
        users.create(user("nolist"));
        assertThat(recommendations.findDay("ghost", DAY))
                .isEqualTo(new DayLookup.UnknownUser("ghost"));
        assertThat(recommendations.findDay("nolist", DAY))
                .isEqualTo(new DayLookup.NoList("nolist"));
        assertThat(recommendations.findLatest("nolist")).isEqualTo(new DayLookup.NoList("nolist"));
    }

    @Test
    void latest_rangeAndDates_seeEveryStoredDay() {
        UserAlias user = users.create(user("history"));
        for (int d = 0; d < 5; d++) {
            recommendations.storeDay(day(user, DAY.minusDays(d), tracks(d * 3, 3)));
        }

        assertThat(((DayLookup.Found) recommendations.findLatest("history")).day().date())
                .isEqualTo(DAY);
        assertThat(recommendations.dates("history"))
                .containsExactly(
                        DAY,
                        DAY.minusDays(1),
                        DAY.minusDays(2),
                        DAY.minusDays(3),
                        DAY.minusDays(4));
        assertThat(recommendations.findRange("history", DAY.minusDays(3), DAY.minusDays(1)))
                .get()
                .satisfies(
                        days -> {
                            assertThat(days)
                                    .extracting(StoredDay::date)
                                    .containsExactly(
                                            DAY.minusDays(3), DAY.minusDays(2), DAY.minusDays(1));
                            assertThat(infos(days.get(0))).containsExactlyElementsOf(tracks(9, 3));
                        });
        assertThat(recommendations.findRange("nobody", DAY, DAY)).isEmpty();
        assertThat(recommendations.latestDates()).containsEntry("history", DAY);
    }

    @Test
    void readRange_summarisesEachDay_thenHandsOverTheDaysOneAtATime_likeFindRange() {
        UserAlias user = users.create(user("streamed"));
        users.create(user("streamless"));
        // more rows than one fetch of the cursor: the days come in several round trips
        int perDay = 100;
        for (int d = 0; d < 7; d++) {
            recommendations.storeDay(day(user, DAY.minusDays(d), tracks(d * perDay, perDay)));
        }

        List<StoredDay> streamed = new ArrayList<>();
        assertThat(6 * perDay).isGreaterThan(RecommendationRepository.RANGE_FETCH_SIZE);
        List<RecommendationRepository.DaySummary> summaries =
                recommendations.readRange(
                        "streamed",
                        DAY.minusDays(6),
                        DAY.minusDays(1),
                        (days, lists) -> {
                            lists.forEachDay(streamed::add);
                            return days;
                        });

        assertThat(summaries)
                .extracting(RecommendationRepository.DaySummary::date)
                .containsExactly(
                        DAY.minusDays(6),
                        DAY.minusDays(5),
                        DAY.minusDays(4),
                        DAY.minusDays(3),
                        DAY.minusDays(2),
                        DAY.minusDays(1));
        assertThat(summaries)
                .allSatisfy(
                        summary -> {
                            assertThat(summary.tracks()).isEqualTo(perDay);
                            assertThat(summary.fetchedAt()).isEqualTo(FETCHED);
                            assertThat(summary.runId()).isNull();
                        });
        assertThat(streamed)
                .isEqualTo(
                        recommendations
                                .findRange("streamed", DAY.minusDays(6), DAY.minusDays(1))
                                .orElseThrow());
        assertThat(recommendations.<Object>readRange("streamless", DAY, DAY, (days, lists) -> days))
                .isEqualTo(List.of());
        assertThat(recommendations.<Object>readRange("nobody", DAY, DAY, (days, lists) -> days))
                .isNull();
    }

    @Test
    void storeDay_forAMissingUserOrDuplicateTrack_failsClearly_andKeepsTheStoredDay() {
        UserAlias user = users.create(user("strict"));
        recommendations.storeDay(day(user, DAY, tracks(0, 3)));

        assertThatThrownBy(
                        () ->
                                new DayToStore(
                                        user.id(),
                                        DAY,
                                        Strategy.SPOTIFY,
                                        null,
                                        FETCHED,
                                        recommended(List.of(track(1), track(1)))))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(
                        () ->
                                recommendations.storeDay(
                                        new DayToStore(
                                                user.id(),
                                                DAY,
                                                Strategy.SPOTIFY,
                                                987654L,
                                                FETCHED,
                                                recommended(tracks(5, 2)))))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("the fetch run does not exist");

        assertThat(infos(((DayLookup.Found) recommendations.findDay("strict", DAY)).day()))
                .containsExactlyElementsOf(tracks(0, 3));
    }

    @Test
    void storeDay_keepsEachTracksSourceAndReason_andTheSourcesTheDayLacked() {
        UserAlias user = users.create(user("explained"));
        List<RecommendedTrack> list =
                List.of(
                        new RecommendedTrack(
                                track(1),
                                TrackSource.RECCOBEATS,
                                "similar to your seed track 'Regulate' (ReccoBeats)"),
                        new RecommendedTrack(
                                track(2), TrackSource.LASTFM, "Last.fm: similar to Portishead"),
                        new RecommendedTrack(
                                track(3),
                                TrackSource.SEARCH,
                                "genre 'trip hop' of your seed artist Massive Attack"));
        recommendations.storeDay(
                new DayToStore(
                        user.id(),
                        DAY,
                        Strategy.BLEND,
                        null,
                        FETCHED,
                        list,
                        List.of("musicbrainz", "lastfm", "lastfm")));

        StoredDay found = ((DayLookup.Found) recommendations.findDay("explained", DAY)).day();
        assertThat(found.tracks()).containsExactlyElementsOf(list);
        assertThat(found.strategy()).isEqualTo(Strategy.BLEND);
        assertThat(found.missingSources()).containsExactly("lastfm", "musicbrainz");
    }

    @Test
    void aDayToStore_refusesABlankReason_orAMalformedSourceName() {
        assertThatThrownBy(() -> new RecommendedTrack(track(1), TrackSource.SEARCH, " "))
                .hasMessageContaining("needs a reason");
        assertThatThrownBy(
                        () ->
                                new DayToStore(
                                        1,
                                        DAY,
                                        Strategy.BLEND,
                                        null,
                                        FETCHED,
                                        List.of(),
                                        List.of("Last.fm")))
                .hasMessageContaining("lower-case word");
    }

    @Test
    void aTrackWithoutAlbumOrExplicitFlag_isStored_andNeverErasesWhatSpotifyToldUs() {
        UserAlias user = users.create(user("partial"));
        TrackInfo full = track(300);
        TrackInfo bare =
                new TrackInfo(
                        id('t', 301),
                        "Only a title",
                        200_000,
                        null,
                        null,
                        List.of(new ArtistInfo(id('r', 301), "Someone")));
        TrackInfo sameButBare =
                new TrackInfo(
                        full.id(), full.name(), full.durationMs(), null, null, full.artists());

        recommendations.storeDay(day(user, DAY, List.of(full)));
        recommendations.storeDay(day(user, DAY.plusDays(1), List.of(sameButBare, bare)));

        StoredDay later =
                ((DayLookup.Found) recommendations.findDay("partial", DAY.plusDays(1))).day();
        assertThat(infos(later)).containsExactly(full, bare);
    }

    @Test
    void recentTrackIds_areThoseOfTheDaysBeforeTheDate_withinTheWindow() {
        UserAlias user = users.create(user("memory"));
        recommendations.storeDay(day(user, DAY.minusDays(15), tracks(0, 2)));
        recommendations.storeDay(day(user, DAY.minusDays(14), tracks(2, 2)));
        recommendations.storeDay(day(user, DAY.minusDays(1), tracks(4, 2)));
        recommendations.storeDay(day(user, DAY, tracks(6, 2)));

        assertThat(recommendations.recentTrackIds(user.id(), DAY, 14))
                .containsExactlyInAnyOrder(
                        track(2).id(), track(3).id(), track(4).id(), track(5).id());
        assertThat(recommendations.recentTrackIds(user.id(), DAY, 0)).isEmpty();
    }

    /** How many recommendation rows match {@code where}, counted in SQL. */
    private static int storedRows(String where, Object... bindings) {
        return db.dsl().fetchCount(db.dsl().selectFrom("recommendation").where(where, bindings));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
