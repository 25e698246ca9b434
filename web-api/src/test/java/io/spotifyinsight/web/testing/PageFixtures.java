package io.spotifyinsight.web.testing;

import io.spotifyinsight.persistence.knowledge.ArtistKnowledge;
import io.spotifyinsight.persistence.knowledge.SeedKnowledgeRepository;
import io.spotifyinsight.persistence.knowledge.TrackKnowledge;
import io.spotifyinsight.persistence.recommendation.AlbumInfo;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.recommendation.DayToStore;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.persistence.testing.TestTracks;
import io.spotifyinsight.persistence.user.UserRepository;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The lists the page tests look at: alice has a 20-track list three days ago, a 5-track list two
 * days ago (with a hostile title, an explicit track, a cover off the CDN and a track without
 * album), and one 40 days ago, in an earlier month; bob has none; carol is inactive.
 */
public final class PageFixtures {
    public static final LocalDate TODAY = TestServer.TODAY;
    public static final LocalDate FULL_DAY = TODAY.minusDays(3);
    public static final LocalDate SHORT_DAY = TODAY.minusDays(2);
    public static final LocalDate OLD_DAY = TODAY.minusDays(40);
    public static final String HOSTILE_TITLE = "<script>alert(1)</script> & \"x\"";
    public static final String SEED_ARTIST_NAME = "Massive Attack";
    public static final String SEED_TRACK_NAME = "Teardrop";

    private PageFixtures() {}

    public static void store(DSLContext dsl) {
        var users = new UserRepository(dsl);
        var recommendations = new RecommendationRepository(dsl);
        long alice = users.create(TestTracks.user("alice")).id();
        users.create(TestTracks.user("bob"));
        users.create(TestTracks.user("carol").withActive(false));
        OffsetDateTime fetched = OffsetDateTime.of(2026, 3, 7, 3, 15, 0, 0, ZoneOffset.UTC);
        recommendations.storeDay(
                new DayToStore(
                        alice,
                        FULL_DAY,
                        Strategy.BLEND,
                        null,
                        fetched,
                        TestTracks.recommended(TestTracks.tracks(0, 20))));
        recommendations.storeDay(
                new DayToStore(
                        alice, SHORT_DAY, Strategy.BLEND, null, fetched.plusDays(1), shortList()));
        recommendations.storeDay(
                new DayToStore(
                        alice,
                        OLD_DAY,
                        Strategy.SEARCH,
                        null,
                        fetched.minusDays(37),
                        TestTracks.recommended(TestTracks.tracks(200, 3))));
        var seeds = new SeedKnowledgeRepository(dsl);
        seeds.saveArtist(
                new ArtistKnowledge(
                        TestTracks.id('r', 1),
                        SEED_ARTIST_NAME,
                        List.of("trip hop"),
                        "musicbrainz",
                        null,
                        fetched));
        seeds.saveTrack(
                new TrackKnowledge(
                        TestTracks.id('t', 1),
                        SEED_TRACK_NAME,
                        List.of(new ArtistInfo(TestTracks.id('r', 1), SEED_ARTIST_NAME)),
                        "1998-04-20",
                        null,
                        fetched));
    }

    private static List<RecommendedTrack> shortList() {
        List<RecommendedTrack> tracks = new ArrayList<>();
        tracks.add(
                new RecommendedTrack(
                        new TrackInfo(
                                TestTracks.id('t', 900),
                                HOSTILE_TITLE,
                                61_000,
                                true,
                                new AlbumInfo(
                                        TestTracks.id('a', 900),
                                        "<b>bold</b> album",
                                        "2001",
                                        "https://i.scdn.co/image/x900"),
                                List.of(
                                        new ArtistInfo(
                                                TestTracks.id('r', 900),
                                                "<img src=x onerror=alert(2)>"))),
                        TrackSource.RECCOBEATS,
                        "similar to your seed track '" + SEED_TRACK_NAME + "' (ReccoBeats)"));
        tracks.add(
                new RecommendedTrack(
                        new TrackInfo(
                                TestTracks.id('t', 901),
                                "Off the CDN",
                                3_725_000,
                                false,
                                new AlbumInfo(
                                        TestTracks.id('a', 901),
                                        "Elsewhere",
                                        "2020-01-01",
                                        "http://evil.example/cover.jpg"),
                                List.of(new ArtistInfo(TestTracks.id('r', 901), "Someone"))),
                        TrackSource.LASTFM,
                        "Last.fm: similar to Portishead"));
        tracks.add(
                new RecommendedTrack(
                        new TrackInfo(
                                TestTracks.id('t', 902),
                                "No album",
                                200_000,
                                null,
                                null,
                                List.of(new ArtistInfo(TestTracks.id('r', 902), "Nobody"))),
                        TrackSource.RECCOBEATS,
                        "similar to your seed track '" + SEED_TRACK_NAME + "' (ReccoBeats)"));
        TestTracks.recommended(TestTracks.tracks(300, 2)).forEach(tracks::add);
        return tracks;
    }
}
