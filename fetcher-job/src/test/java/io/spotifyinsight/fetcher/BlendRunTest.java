package io.spotifyinsight.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifyinsight.fetcher.blend.SourceHealth;
import io.spotifyinsight.fetcher.testing.CapturedLogs;
import io.spotifyinsight.persistence.knowledge.ArtistKnowledge;
import io.spotifyinsight.persistence.knowledge.SeedKnowledgeRepository;
import io.spotifyinsight.persistence.recommendation.DayLookup;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.StoredDay;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.persistence.run.FetchRun;
import io.spotifyinsight.persistence.run.FetchRunRepository;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.persistence.user.Exclusions;
import io.spotifyinsight.persistence.user.Seeds;
import io.spotifyinsight.persistence.user.UserRepository;
import io.spotifyinsight.persistence.user.UserSettings;
import io.spotifyinsight.sources.fake.FakeLastFm;
import io.spotifyinsight.sources.fake.FakeMusicBrainz;
import io.spotifyinsight.sources.fake.FakeReccoBeats;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogArtist;
import io.spotifyinsight.spotify.fake.FakeSpotify;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The blend strategy in-process, against a real PostgreSQL, a development-mode fake Spotify whose
 * artist genres are empty (as Spotify reports them since 2026) and the fakes of ReccoBeats, Last.fm
 * and MusicBrainz over the same catalogue: what users get, and what happens when a source fails.
 */
class BlendRunTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase(8);
    static FakeSpotify spotify;
    static FakeReccoBeats reccoBeats;
    static FakeLastFm lastFm;
    static FakeMusicBrainz musicBrainz;
    static final AtomicInteger names = new AtomicInteger();
    static final LocalDate NIGHT = LocalDate.of(2026, 11, 20);

    @RegisterExtension final CapturedLogs sourceHealthLogs = new CapturedLogs(SourceHealth.class);

    InProcessCli cli;
    UserRepository users;

    @BeforeAll
    static void startFakes() {
        spotify =
                FakeSpotify.builder()
                        .mode(FakeSpotify.Mode.DEVELOPMENT)
                        .emptyArtistGenres(true)
                        .start();
        reccoBeats = FakeReccoBeats.builder(spotify.catalog()).start();
        lastFm = FakeLastFm.builder(spotify.catalog()).start();
        musicBrainz = FakeMusicBrainz.builder(spotify.catalog()).start();
    }

    @AfterAll
    static void stopFakes() {
        for (AutoCloseable fake : new AutoCloseable[] {spotify, reccoBeats, lastFm, musicBrainz}) {
            try {
                fake.close();
            } catch (Exception e) {
                // already closed by a test
            }
        }
    }

    @BeforeEach
    void setUp() {
        spotify.resetLog();
        reccoBeats.clearFaults();
        lastFm.clearFaults();
        musicBrainz.clearFaults();
        Map<String, String> sources =
                new HashMap<>(
                        Map.of(
                                "FETCHER_STRATEGY",
                                "blend",
                                "RECCOBEATS_API_URL",
                                reccoBeats.url(),
                                "LASTFM_API_URL",
                                lastFm.url(),
                                "LASTFM_API_KEY",
                                FakeLastFm.VALID_KEY,
                                "MUSICBRAINZ_API_URL",
                                musicBrainz.url(),
                                "SPOTIFY_RETRY_BUDGET_SECONDS",
                                "20"));
        cli = new InProcessCli(InProcessCli.merge(db.env(), spotify.env(), sources));
        users = new UserRepository(db.dsl());
    }

    /** An artist Last.fm, ReccoBeats and MusicBrainz all know, picked anew for each test. */
    private CatalogArtist wellKnownArtist() {
        List<CatalogArtist> artists = spotify.catalog().artists();
        for (int i = names.incrementAndGet() * 17; ; i++) {
            CatalogArtist artist = artists.get(i % artists.size());
            if (lastFm.knowsArtist(artist.name())
                    && reccoBeats.knowsArtist(artist.id())
                    && musicBrainz.knowsArtist(artist.id())
                    && spotify.catalog().tracksBy(artist.id()).size() >= 2) {
                return artist;
            }
        }
    }

    private String newAlias(int limit, Seeds seeds, Exclusions exclusions) {
        String name = "blend" + names.incrementAndGet();
        users.create(new UserSettings(name, true, null, limit, seeds, exclusions));
        return name;
    }

    /** A new alias whose one seed is the artist {@code artistId}. */
    private String artistAlias(int limit, String artistId) {
        return newAlias(limit, new Seeds(List.of(artistId), List.of(), List.of()), Exclusions.NONE);
    }

    /** A new alias whose one seed is {@code genre}. */
    private String genreAlias(int limit, String genre) {
        return newAlias(limit, new Seeds(List.of(), List.of(genre), List.of()), Exclusions.NONE);
    }

    /** What the run learnt and stored about a seed artist. */
    private static ArtistKnowledge learnt(String artistId) {
        return new SeedKnowledgeRepository(db.dsl())
                .artists(List.of(artistId), OffsetDateTime.now().minusDays(1))
                .get(artistId);
    }

    /**
     * The alias's list of {@code NIGHT} is full without tracks of {@code source}, and the list and
     * the run name it as missing.
     */
    private static void assertMadeWithout(String alias, TrackSource source, String name) {
        assertThat(day(alias, NIGHT).tracks()).hasSize(10).noneMatch(t -> t.source() == source);
        assertThat(day(alias, NIGHT).missingSources()).containsExactly(name);
    }

    private static StoredDay day(String user, LocalDate date) {
        DayLookup lookup = new RecommendationRepository(db.dsl()).findDay(user, date);
        assertThat(lookup).isInstanceOf(DayLookup.Found.class);
        return ((DayLookup.Found) lookup).day();
    }

    private static FetchRun latestRun() {
        return new FetchRunRepository(db.dsl()).latest(1).get(0);
    }

    private CliResult run(LocalDate date, String user) {
        return cli.run("run", "--date", date.toString(), "--user", user);
    }

    @Test
    void an_alias_with_one_artist_gets_a_full_explained_list_of_many_artists_and_sources() {
        CatalogArtist artist = wellKnownArtist();
        String alias = artistAlias(20, artist.id());

        CliResult result = run(NIGHT, alias);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        StoredDay list = day(alias, NIGHT);
        assertThat(list.strategy()).isEqualTo(Strategy.BLEND);
        assertThat(list.tracks()).hasSize(20);
        assertThat(list.missingSources()).isEmpty();
        assertThat(list.tracks()).allMatch(t -> !t.reason().isBlank());
        assertThat(list.tracks().stream().map(RecommendedTrack::source).distinct().count())
                .as("sources of %s", list.tracks())
                .isGreaterThanOrEqualTo(2);
        long bySeedArtist =
                list.tracks().stream()
                        .filter(
                                t ->
                                        t.track().artists().stream()
                                                .anyMatch(a -> a.id().equals(artist.id())))
                        .count();
        assertThat(bySeedArtist).isLessThanOrEqualTo(4);
        Set<String> mainArtists = new HashSet<>();
        list.tracks().forEach(t -> mainArtists.add(t.track().artists().get(0).id()));
        assertThat(mainArtists).hasSizeGreaterThanOrEqualTo(10);
        // the seed artist's genres are empty on Spotify: the engine learnt them elsewhere and kept
        // them
        Set<String> truth = new HashSet<>();
        artist.genres().forEach(g -> truth.add(g.replace('-', ' ')));
        ArtistKnowledge learnt = learnt(artist.id());
        assertThat(learnt.genreSource()).isIn("lastfm", "musicbrainz");
        assertThat(learnt.genres()).containsAnyElementsOf(truth);
        FetchRun row = latestRun();
        assertThat(row.outcome().requests().spotify()).isPositive();
        assertThat(row.outcome().requests().reccobeats()).isPositive();
        assertThat(row.outcome().requests().lastfm()).isPositive();
        assertThat(row.outcome().unavailableSources()).isEmpty();
        assertThat(result.out()).contains("reccobeats:", "lastfm:");
    }

    @Test
    void similar_artists_from_lastfm_are_found_through_musicbrainz_without_a_spotify_search() {
        CatalogArtist artist = wellKnownArtist();
        String alias = artistAlias(20, artist.id());
        reccoBeats.resetLog();
        musicBrainz.resetLog();

        CliResult result = run(NIGHT, alias);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        // Last.fm's similar artists, looked up by MBID with their URL relations...
        assertThat(musicBrainz.requests())
                .anyMatch(
                        c ->
                                c.path().startsWith("/ws/2/artist/")
                                        && c.query().get("inc").contains("url-rels"));
        // ...and the tracks of those MusicBrainz links to Spotify, asked of ReccoBeats: more
        // artists' tracks than the one seed artist's
        assertThat(reccoBeats.requests())
                .filteredOn(c -> c.path().matches("/v1/artist/[^/]+/track"))
                .hasSizeGreaterThan(1);
        // no Spotify request went to finding them
        assertThat(spotify.apiRequests())
                .filteredOn(c -> c.path().equals("/v1/search"))
                .noneMatch(c -> c.query().getOrDefault("q", "").startsWith("artist:"));
        assertThat(day(alias, NIGHT).tracks())
                .filteredOn(t -> t.source() == TrackSource.LASTFM)
                .allSatisfy(
                        t -> {
                            assertThat(t.reason())
                                    .isEqualTo("Last.fm: similar to " + artist.name());
                            assertThat(t.track().artists())
                                    .noneMatch(a -> a.id().equals(artist.id()));
                        });
    }

    @Test
    void the_second_night_costs_no_seed_lookups_and_repeats_little_of_the_first() {
        CatalogArtist artist = wellKnownArtist();
        var track = spotify.catalog().tracksBy(wellKnownArtist().id()).get(0);
        String alias =
                newAlias(
                        10,
                        new Seeds(List.of(artist.id()), List.of(), List.of(track.id())),
                        Exclusions.NONE);
        assertThat(run(NIGHT, alias).exitCode()).isZero();
        spotify.resetLog();
        musicBrainz.resetLog();

        CliResult second = run(NIGHT.plusDays(1), alias);

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(spotify.apiRequests())
                .filteredOn(
                        c ->
                                c.path().startsWith("/v1/artists/")
                                        || c.path().startsWith("/v1/tracks/"))
                .isEmpty();
        // MusicBrainz is still asked about Last.fm's similar artists (by MBID, with url-rels),
        // but never again about the seeds: no link or ISRC lookup, no seed artist's genres
        Set<String> seedArtistPaths = new HashSet<>();
        seedArtistPaths.add("/ws/2/artist/" + musicBrainz.mbidOf(artist.id()));
        track.artists()
                .forEach(a -> seedArtistPaths.add("/ws/2/artist/" + musicBrainz.mbidOf(a.id())));
        assertThat(musicBrainz.requests())
                .filteredOn(
                        c ->
                                c.path().startsWith("/ws/2/url")
                                        || c.path().startsWith("/ws/2/isrc/")
                                        || seedArtistPaths.contains(c.path()))
                .isEmpty();
        Set<String> first =
                new HashSet<>(
                        day(alias, NIGHT).tracks().stream().map(RecommendedTrack::id).toList());
        long repeated =
                day(alias, NIGHT.plusDays(1)).tracks().stream()
                        .filter(t -> first.contains(t.id()))
                        .count();
        assertThat(repeated).isLessThanOrEqualTo(2);
        assertThat(day(alias, NIGHT.plusDays(1)).tracks()).hasSize(10);
    }

    @Test
    void a_long_genre_list_gets_artists_of_the_tag_through_musicbrainz_vouched_by_their_genres() {
        String genre = wellKnownArtist().genres().get(0);
        String alias = genreAlias(40, genre);
        reccoBeats.resetLog();
        musicBrainz.resetLog();

        CliResult result = run(NIGHT, alias);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        // a genre-only alias has no seed artist: every artist's tracks asked of ReccoBeats are
        // those of tag artists MusicBrainz linked to Spotify
        assertThat(musicBrainz.requests())
                .anyMatch(c -> c.query().getOrDefault("inc", "").contains("url-rels"));
        assertThat(reccoBeats.requests()).anyMatch(c -> c.path().matches("/v1/artist/[^/]+/track"));
        String tag = genre.replace('-', ' ');
        assertThat(day(alias, NIGHT).tracks())
                .filteredOn(t -> t.source() == TrackSource.LASTFM)
                .allSatisfy(
                        t ->
                                assertThat(t.reason())
                                        .isEqualTo("Last.fm: an artist of the tag '" + tag + "'"));
    }

    @Test
    void excluded_artists_and_tracks_are_never_recommended() {
        CatalogArtist artist = wellKnownArtist();
        String genre = artist.genres().get(0);
        // exclude what the first night recommended most: its first track and the artist of its
        // second
        String probe = genreAlias(10, genre);
        assertThat(run(NIGHT, probe).exitCode()).isZero();
        List<RecommendedTrack> seen = day(probe, NIGHT).tracks();
        String excludedTrack = seen.get(0).id();
        String excludedArtist = seen.get(1).track().artists().get(0).id();
        String alias =
                newAlias(
                        10,
                        new Seeds(List.of(), List.of(genre), List.of()),
                        new Exclusions(List.of(excludedArtist), List.of(excludedTrack)));

        assertThat(run(NIGHT, alias).exitCode()).isZero();

        assertThat(day(alias, NIGHT).tracks())
                .noneMatch(t -> t.id().equals(excludedTrack))
                .noneMatch(
                        t ->
                                t.track().artists().stream()
                                        .anyMatch(a -> a.id().equals(excludedArtist)));
    }

    @Test
    void reccobeats_down_degrades_the_run_with_one_warning_and_marks_the_lists() {
        CatalogArtist artist = wellKnownArtist();
        String one = artistAlias(10, artist.id());
        String two = genreAlias(10, artist.genres().get(0));
        reccoBeats.alwaysFail(503);

        CliResult result = cli.run("run", "--date", NIGHT.toString(), "--user", one, "--user", two);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(sourceHealthLogs.events())
                .filteredOn(e -> e.getFormattedMessage().contains("ReccoBeats is unavailable"))
                .hasSize(1);
        for (String alias : List.of(one, two)) {
            assertMadeWithout(alias, TrackSource.RECCOBEATS, "reccobeats");
        }
        assertThat(latestRun().outcome().unavailableSources()).containsExactly("reccobeats");
    }

    @Test
    void an_invalid_lastfm_key_names_the_variable_not_the_key_and_lists_are_made_without_it() {
        CatalogArtist artist = wellKnownArtist();
        String alias = artistAlias(10, artist.id());
        String wrongKey = "wrong-key-0123456789abcdef";

        CliResult result =
                cli.with("LASTFM_API_KEY", wrongKey)
                        .run("run", "--date", NIGHT.toString(), "--user", alias);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.all()).doesNotContain(wrongKey);
        assertThat(sourceHealthLogs.events())
                .hasSize(1)
                .allSatisfy(
                        e ->
                                assertThat(e.getFormattedMessage())
                                        .contains("Last.fm is unavailable", "LASTFM_API_KEY")
                                        .doesNotContain(wrongKey));
        assertMadeWithout(alias, TrackSource.LASTFM, "lastfm");
        assertThat(latestRun().outcome().unavailableSources()).containsExactly("lastfm");
    }

    @Test
    void every_source_down_still_gives_a_list_from_spotify_search() {
        CatalogArtist artist = wellKnownArtist();
        String alias = genreAlias(10, artist.genres().get(0));
        reccoBeats.alwaysFail(500);
        lastFm.alwaysFail(500);
        musicBrainz.alwaysFail(503);

        CliResult result = run(NIGHT, alias);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(day(alias, NIGHT).tracks())
                .hasSize(10)
                .allMatch(t -> t.source() == TrackSource.SEARCH);
    }

    @Test
    void a_seed_tracks_artist_that_musicbrainz_does_not_link_is_reached_by_the_tracks_isrc() {
        var track =
                spotify.catalog().tracks().stream()
                        .filter(
                                t ->
                                        t.artists().size() == 1
                                                && !musicBrainz.knowsArtist(t.artist().id())
                                                && !lastFm.knowsArtist(t.artist().name())
                                                && musicBrainz.knowsIsrc(t.isrc()))
                        .skip(names.incrementAndGet())
                        .findFirst()
                        .orElseThrow();
        String alias =
                newAlias(10, new Seeds(List.of(), List.of(), List.of(track.id())), Exclusions.NONE);
        musicBrainz.resetLog();

        CliResult result = run(NIGHT, alias);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(musicBrainz.requests())
                .extracting(c -> c.path())
                .contains(
                        "/ws/2/isrc/" + track.isrc(),
                        "/ws/2/artist/" + musicBrainz.mbidOf(track.artist().id()));
        ArtistKnowledge learnt = learnt(track.artist().id());
        Set<String> truth = new HashSet<>();
        track.artist().genres().forEach(g -> truth.add(g.replace('-', ' ')));
        assertThat(learnt.genreSource()).isEqualTo("musicbrainz");
        assertThat(learnt.musicBrainzId()).isEqualTo(musicBrainz.mbidOf(track.artist().id()));
        assertThat(learnt.genres()).containsAnyElementsOf(truth);
        assertThat(day(alias, NIGHT).tracks()).hasSize(10);
    }

    @Test
    void a_dry_run_prints_each_tracks_source_and_reason() {
        CatalogArtist artist = wellKnownArtist();
        String alias = artistAlias(5, artist.id());

        CliResult result = cli.run("run", "--dry-run", "--date", NIGHT.toString(), "--user", alias);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(alias + " — " + NIGHT + " — 5 tracks (blend)")
                .containsPattern("(search|reccobeats|lastfm): \\S");
    }
}
