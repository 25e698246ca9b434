package io.spotifyinsight.sources;

import static io.spotifyinsight.spotify.error.ServiceErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.sources.error.SourceKeyException;
import io.spotifyinsight.sources.error.SourceRequestException;
import io.spotifyinsight.sources.error.SourceServerException;
import io.spotifyinsight.sources.error.SourceTransportException;
import io.spotifyinsight.sources.fake.FakeLastFm;
import io.spotifyinsight.sources.fake.FakeMusicBrainz;
import io.spotifyinsight.sources.fake.FakeReccoBeats;
import io.spotifyinsight.spotify.fake.FakeCatalog;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogArtist;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;
import io.spotifyinsight.spotify.fake.RecordedCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The production source clients against the contract-tested fakes over real sockets: what a {@code
 * ScriptedServer} test cannot show, that the client and the fake agree on paths, parameters, shapes
 * and quirks. Small retry budgets and millisecond backoff ({@link TestSources}).
 */
class SourcesAgainstFakesTest {

    private static final FakeCatalog CATALOG = FakeCatalog.standard();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Integer> statuses(List<RecordedCall> calls) {
        return calls.stream().map(RecordedCall::status).toList();
    }

    /** A catalogue artist whose name no other catalogue artist has (Last.fm merges names). */
    private static boolean uniqueName(CatalogArtist artist) {
        return CATALOG.artists().stream().filter(b -> b.name().equals(artist.name())).count() == 1;
    }

    /** Whether the catalogue has a track of that title by an artist of that name. */
    private static boolean inCatalog(NamedTrack track) {
        return CATALOG.tracks().stream()
                .anyMatch(
                        c ->
                                c.name().equals(track.title())
                                        && c.artists().stream()
                                                .anyMatch(a -> a.name().equals(track.artist())));
    }

    private static String spaced(String genre) {
        return genre.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").strip();
    }

    @Nested
    class ReccoBeats {

        private FakeReccoBeats start(FakeReccoBeats.UnknownSeed variant) {
            return FakeReccoBeats.builder(CATALOG).unknownSeedVariant(variant).start();
        }

        private ReccoBeatsClient client(FakeReccoBeats fake) {
            return new ReccoBeatsClient(
                    TestSources.config(fake.url()), TestSources.HTTP, TestSources.FAST);
        }

        private List<CatalogTrack> knownTracks(FakeReccoBeats fake) {
            return CATALOG.tracks().stream().filter(t -> fake.knowsTrack(t.id())).toList();
        }

        private CatalogTrack unknownTrack(FakeReccoBeats fake) {
            return CATALOG.firstTrack(t -> !fake.knowsTrack(t.id()));
        }

        @Test
        void recommendationsForAKnownSeed_areCatalogueTracksBySpotifyId_withoutTheSeed() {
            try (FakeReccoBeats fake = start(FakeReccoBeats.UnknownSeed.BAD_REQUEST);
                    ReccoBeatsClient client = client(fake)) {
                CatalogTrack seed = knownTracks(fake).get(0);

                List<SourceTrack> tracks = client.recommendations(List.of(seed.id()), 20);

                assertThat(tracks).isNotEmpty().hasSizeLessThanOrEqualTo(20);
                for (SourceTrack track : tracks) {
                    CatalogTrack inCatalogue = CATALOG.track(track.spotifyId()).orElseThrow();
                    assertThat(track.title()).isEqualTo(inCatalogue.name());
                    assertThat(track.artists())
                            .extracting(SourceArtist::spotifyId)
                            .contains(inCatalogue.artist().id());
                }
                assertThat(tracks).extracting(SourceTrack::spotifyId).doesNotContain(seed.id());
                RecordedCall call = fake.requests().get(0);
                assertThat(call.path()).isEqualTo("/v1/track/recommendation");
            }
        }

        @Test
        void anUnknownSeed_givesAnEmptyList_inBothVariants() {
            for (FakeReccoBeats.UnknownSeed variant : FakeReccoBeats.UnknownSeed.values()) {
                try (FakeReccoBeats fake = start(variant);
                        ReccoBeatsClient client = client(fake)) {
                    String unknown = unknownTrack(fake).id();

                    assertThat(client.recommendations(List.of(unknown), 10))
                            .as("%s", variant)
                            .isEmpty();
                    assertThat(client.recommendations(List.of(CATALOG.unknownId()), 10))
                            .as("%s", variant)
                            .isEmpty();
                    int expected = variant == FakeReccoBeats.UnknownSeed.BAD_REQUEST ? 400 : 200;
                    assertThat(statuses(fake.requests())).as("%s", variant).containsOnly(expected);
                }
            }
        }

        @Test
        void itemsWithoutHref_areSkipped_andTheOthersKeptInOrder() throws IOException {
            try (FakeReccoBeats fake = start(FakeReccoBeats.UnknownSeed.BAD_REQUEST);
                    ReccoBeatsClient client = client(fake)) {
                // a seed whose raw answer has items without href (about 1 in 30 has none)
                for (CatalogTrack seed : knownTracks(fake).subList(0, 20)) {
                    JsonNode raw =
                            get(fake.url() + "/track/recommendation?size=100&seeds=" + seed.id());
                    List<String> linked = new ArrayList<>();
                    int unlinked = 0;
                    for (JsonNode item : raw.get("content")) {
                        String href = item.path("href").asText("");
                        if (href.isEmpty()) {
                            unlinked++;
                        } else {
                            linked.add(href.substring(href.lastIndexOf('/') + 1));
                        }
                    }
                    if (unlinked == 0) {
                        continue;
                    }

                    List<SourceTrack> tracks = client.recommendations(List.of(seed.id()), 100);

                    assertThat(tracks)
                            .extracting(SourceTrack::spotifyId)
                            .containsExactlyElementsOf(linked);
                    return;
                }
                throw new AssertionError("no seed among the first 20 gave an item without href");
            }
        }

        @Test
        void artistsThenArtistTracks_forAKnownArtist_giveThatArtistsCatalogueTracks() {
            try (FakeReccoBeats fake = start(FakeReccoBeats.UnknownSeed.BAD_REQUEST);
                    ReccoBeatsClient client = client(fake)) {
                CatalogArtist artist = knownTracks(fake).get(0).artist();
                String stranger = CATALOG.firstArtist(a -> !fake.knowsArtist(a.id())).id();

                List<ReccoArtist> found = client.artists(List.of(artist.id(), stranger));

                assertThat(found)
                        .containsExactly(
                                new ReccoArtist(
                                        fake.uuidOfArtist(artist.id()),
                                        artist.id(),
                                        artist.name()));
                List<SourceTrack> tracks = client.artistTracks(found.get(0).uuid(), 10);
                Set<String> theirs =
                        CATALOG.tracksBy(artist.id()).stream()
                                .map(CatalogTrack::id)
                                .collect(Collectors.toSet());
                assertThat(tracks).isNotEmpty().hasSizeLessThanOrEqualTo(10);
                assertThat(tracks).extracting(SourceTrack::spotifyId).allMatch(theirs::contains);
                assertThat(tracks)
                        .allSatisfy(
                                t ->
                                        assertThat(t.artists())
                                                .extracting(SourceArtist::spotifyId)
                                                .contains(artist.id()));
            }
        }

        @Test
        void a5xxThenSuccess_isRetried_andPersistent5xxIsAServerError() {
            try (FakeReccoBeats fake = start(FakeReccoBeats.UnknownSeed.BAD_REQUEST);
                    ReccoBeatsClient client = client(fake)) {
                String seed = knownTracks(fake).get(0).id();
                List<SourceTrack> expected = client.recommendations(List.of(seed), 10);
                fake.resetLog();
                fake.failNext(1, 502);

                assertThat(client.recommendations(List.of(seed), 10)).isEqualTo(expected);
                assertThat(statuses(fake.requests())).containsExactly(502, 200);

                fake.resetLog();
                fake.alwaysFail(503);
                assertFails(
                        () -> client.recommendations(List.of(seed), 10),
                        SourceServerException.class,
                        503,
                        true);
                assertThat(statuses(fake.requests())).containsExactly(503, 503, 503);
            }
        }

        @Test
        void aClosedFake_isATransportError() {
            FakeReccoBeats fake = start(FakeReccoBeats.UnknownSeed.BAD_REQUEST);
            try (ReccoBeatsClient client = client(fake)) {
                String seed = knownTracks(fake).get(0).id();
                fake.close();

                assertThatThrownBy(() -> client.recommendations(List.of(seed), 10))
                        .isInstanceOf(SourceTransportException.class);
            }
        }
    }

    @Nested
    class LastFm {

        private LastFmClient client(FakeLastFm fake, String key) {
            return new LastFmClient(
                    TestSources.config(fake.url()), key, TestSources.HTTP, TestSources.FAST);
        }

        private CatalogArtist knownArtist(FakeLastFm fake, int genres) {
            return CATALOG.artists().stream()
                    .filter(a -> fake.knowsArtist(a.name()) && a.genres().size() >= genres)
                    .filter(SourcesAgainstFakesTest::uniqueName)
                    .findFirst()
                    .orElseThrow();
        }

        /** Last.fm merges catalogue artists of one name: the union of their genres. */
        private Set<String> genresOf(String name) {
            return CATALOG.artists().stream()
                    .filter(a -> a.name().equalsIgnoreCase(name))
                    .flatMap(a -> a.genres().stream())
                    .map(SourcesAgainstFakesTest::spaced)
                    .collect(Collectors.toSet());
        }

        @Test
        void similarArtists_forAKnownName_areCatalogueArtistsSharingAGenre_bestMatchFirst() {
            try (FakeLastFm fake = FakeLastFm.builder(CATALOG).start();
                    LastFmClient client = client(fake, fake.apiKey())) {
                CatalogArtist artist = knownArtist(fake, 1);

                List<SimilarArtist> similar = client.similarArtists(artist.name(), 10);

                assertThat(similar).isNotEmpty().hasSizeLessThanOrEqualTo(10);
                assertThat(similar).extracting(SimilarArtist::name).doesNotContain(artist.name());
                assertThat(similar)
                        .extracting(SimilarArtist::match)
                        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
                assertThat(similar).allSatisfy(s -> assertThat(s.match()).isBetween(0.0, 1.0));
                Set<String> own = genresOf(artist.name());
                assertThat(similar)
                        .allSatisfy(s -> assertThat(genresOf(s.name())).containsAnyElementsOf(own));
            }
        }

        @Test
        void artistTopTags_forAKnownName_startWithItsGenresInLastFmWording() {
            try (FakeLastFm fake = FakeLastFm.builder(CATALOG).start();
                    LastFmClient client = client(fake, fake.apiKey())) {
                CatalogArtist artist = knownArtist(fake, 2);

                List<Tag> tags = client.artistTopTags(artist.name());

                List<String> distinctGenres =
                        new ArrayList<>(
                                new LinkedHashSet<>(
                                        artist.genres().stream()
                                                .map(SourcesAgainstFakesTest::spaced)
                                                .toList()));
                assertThat(tags.subList(0, distinctGenres.size()))
                        .extracting(Tag::name)
                        .containsExactlyElementsOf(distinctGenres);
                assertThat(tags.get(0).count()).isEqualTo(100);
                assertThat(tags).extracting(Tag::count).isSortedAccordingTo((a, b) -> b - a);
                assertThat(tags.size()).isGreaterThan(distinctGenres.size()); // plus the noise
            }
        }

        @Test
        void tagTopTracks_forAKnownGenre_areTracksOfArtistsWithThatGenre() {
            try (FakeLastFm fake = FakeLastFm.builder(CATALOG).start();
                    LastFmClient client = client(fake, fake.apiKey())) {
                String tag = spaced(knownArtist(fake, 1).genres().get(0));

                List<NamedTrack> tracks = client.tagTopTracks(tag, 5);

                assertThat(tracks).hasSize(5);
                assertThat(tracks).allSatisfy(t -> assertThat(genresOf(t.artist())).contains(tag));
                assertThat(tracks).allSatisfy(t -> assertThat(inCatalog(t)).isTrue());
                assertThat(client.tagTopTracks("no such tag at all", 5)).isEmpty();
            }
        }

        @Test
        void similarTracks_forAKnownTrack_areOtherCatalogueTracks_andAnUnknownTrackGivesNone() {
            try (FakeLastFm fake = FakeLastFm.builder(CATALOG).start();
                    LastFmClient client = client(fake, fake.apiKey())) {
                CatalogArtist artist = knownArtist(fake, 1);
                CatalogTrack seed =
                        CATALOG.tracksBy(artist.id()).stream()
                                .filter(t -> t.artist().equals(artist))
                                .findFirst()
                                .orElseThrow();

                List<NamedTrack> similar = client.similarTracks(artist.name(), seed.name(), 10);

                assertThat(similar).isNotEmpty().hasSizeLessThanOrEqualTo(10);
                assertThat(similar).allSatisfy(t -> assertThat(t.match()).isBetween(0.0, 1.0));
                assertThat(similar)
                        .allSatisfy(
                                t ->
                                        assertThat(CATALOG.tracks())
                                                .anyMatch(c -> c.name().equals(t.title())));
                assertThat(similar)
                        .noneMatch(
                                t ->
                                        t.title().equals(seed.name())
                                                && t.artist().equals(artist.name()));
                assertThat(client.similarTracks(artist.name(), "No Such Track At All", 10))
                        .isEmpty();
            }
        }

        @Test
        void anUnknownArtist_givesEmptyLists() {
            try (FakeLastFm fake = FakeLastFm.builder(CATALOG).start();
                    LastFmClient client = client(fake, fake.apiKey())) {
                String stranger = "No Such Artist At All";
                assertThat(fake.knowsArtist(stranger)).isFalse();

                assertThat(client.similarArtists(stranger, 10)).isEmpty();
                assertThat(client.artistTopTags(stranger)).isEmpty();
                assertThat(client.similarTracks(stranger, "Anything", 10)).isEmpty();
                assertThat(statuses(fake.requests())).containsOnly(200); // error 6 inside a 200
            }
        }

        @Test
        void aOneElementListSentAsASingleObject_isReadAsAListOfOne() {
            try (FakeLastFm fake = FakeLastFm.builder(CATALOG).start();
                    LastFmClient client = client(fake, fake.apiKey())) {
                CatalogArtist artist = knownArtist(fake, 1);

                assertThat(client.similarArtists(artist.name(), 1)).hasSize(1);
                assertThat(client.tagTopTracks(spaced(artist.genres().get(0)), 1)).hasSize(1);
            }
        }

        @Test
        void aWrongKey_isAKeyErrorNamingTheVariable_withoutTheKey_andIsNotRetried() {
            String wrong = "wrong-key-0123456789abcdef";
            try (FakeLastFm fake = FakeLastFm.builder(CATALOG).start();
                    LastFmClient client = client(fake, wrong)) {
                assertThatThrownBy(() -> client.artistTopTags(knownArtist(fake, 1).name()))
                        .isInstanceOfSatisfying(
                                SourceKeyException.class,
                                e -> {
                                    assertThat(e.getMessage())
                                            .contains("LASTFM_API_KEY")
                                            .doesNotContain(wrong);
                                    assertThat(e.errorCode()).isEqualTo(10);
                                    assertThat(e.retryable()).isFalse();
                                });
                assertThat(fake.requests()).hasSize(1);
            }
        }

        @Test
        void aSuspendedKey_isAKeyError() {
            try (FakeLastFm fake = FakeLastFm.builder(CATALOG).start();
                    LastFmClient client = client(fake, fake.apiKey())) {
                fake.setSuspended(true);

                assertThatThrownBy(() -> client.similarArtists(knownArtist(fake, 1).name(), 5))
                        .isInstanceOfSatisfying(
                                SourceKeyException.class,
                                e -> {
                                    assertThat(e.errorCode()).isEqualTo(26);
                                    assertThat(e.getMessage())
                                            .contains("suspended")
                                            .contains("LASTFM_API_KEY")
                                            .doesNotContain(fake.apiKey());
                                });
            }
        }

        @Test
        void a5xxThenSuccess_isRetried_andPersistent5xxIsAServerError() {
            try (FakeLastFm fake = FakeLastFm.builder(CATALOG).start();
                    LastFmClient client = client(fake, fake.apiKey())) {
                String name = knownArtist(fake, 1).name();
                List<SimilarArtist> expected = client.similarArtists(name, 5);
                fake.resetLog();
                fake.failNext(1, 500);

                assertThat(client.similarArtists(name, 5)).isEqualTo(expected).isNotEmpty();
                assertThat(statuses(fake.requests())).containsExactly(500, 200);

                fake.resetLog();
                fake.alwaysFail(502);
                assertFails(
                                () -> client.similarArtists(name, 5),
                                SourceServerException.class,
                                502,
                                true)
                        .hasMessageNotContaining(fake.apiKey());
                assertThat(statuses(fake.requests())).containsExactly(502, 502, 502);
            }
        }

        @Test
        void aClosedFake_isATransportError_withoutTheKey() {
            FakeLastFm fake = FakeLastFm.builder(CATALOG).start();
            try (LastFmClient client = client(fake, fake.apiKey())) {
                fake.close();

                assertThatThrownBy(() -> client.artistTopTags("Anyone"))
                        .isInstanceOf(SourceTransportException.class)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(fake.apiKey()));
            }
        }
    }

    @Nested
    class MusicBrainz {

        private static final String CONTACT = "ops@spotify-insight.example";

        private MusicBrainzClient client(FakeMusicBrainz fake) {
            return new MusicBrainzClient(
                    TestSources.config(fake.url()), CONTACT, TestSources.HTTP, TestSources.FAST);
        }

        private CatalogArtist linked(FakeMusicBrainz fake, int genres) {
            return CATALOG.firstArtist(
                    a -> fake.knowsArtist(a.id()) && a.genres().size() >= genres);
        }

        @Test
        void knownAndUnknownLinks_andGenresAsTheCatalogueHasThem_withinTheFakesRules() {
            // the fake enforces one request per second and a meaningful User-Agent: with several
            // calls in a row, the client must trip neither
            try (FakeMusicBrainz fake = FakeMusicBrainz.builder(CATALOG).start();
                    MusicBrainzClient client = client(fake)) {
                CatalogArtist artist = linked(fake, 2);
                CatalogArtist unlinked = CATALOG.firstArtist(a -> !fake.knowsArtist(a.id()));

                assertThat(client.artistForSpotify(artist.id()))
                        .contains(new MusicBrainzArtist(fake.mbidOf(artist.id()), artist.name()));
                assertThat(client.artistForSpotify(unlinked.id())).isEmpty();
                assertThat(client.artistForSpotify(CATALOG.unknownId())).isEmpty();
                List<Tag> genres = client.artistGenres(fake.mbidOf(artist.id()));

                Set<String> expected =
                        artist.genres().stream()
                                .map(SourcesAgainstFakesTest::spaced)
                                .collect(Collectors.toSet());
                assertThat(genres)
                        .extracting(Tag::name)
                        .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(genres.get(0).name()).isEqualTo(spaced(artist.genres().get(0)));
                assertThat(genres).extracting(Tag::count).isSortedAccordingTo((a, b) -> b - a);
                assertThat(fake.requests()).hasSize(4);
                assertThat(fake.rateViolations()).isZero();
                assertThat(fake.userAgentRejections()).isZero();
            }
        }

        @Test
        void anIsrcReachesTheArtistsMusicBrainzDoesNotLinkToSpotify() {
            try (FakeMusicBrainz fake = FakeMusicBrainz.builder(CATALOG).start();
                    MusicBrainzClient client = client(fake)) {
                CatalogTrack track =
                        CATALOG.tracks().stream()
                                .filter(
                                        t ->
                                                fake.knowsIsrc(t.isrc())
                                                        && !fake.knowsArtist(t.artist().id()))
                                .findFirst()
                                .orElseThrow();

                assertThat(client.artistForSpotify(track.artist().id())).isEmpty();
                assertThat(client.artistsForIsrc(track.isrc()))
                        .startsWith(
                                new MusicBrainzArtist(
                                        fake.mbidOf(track.artist().id()), track.artist().name()))
                        .hasSize(track.artists().size());
                assertThat(fake.rateViolations()).isZero();
            }
        }

        @Test
        void a5xxThenSuccess_isRetried_andPersistent5xxIsAServerError() {
            try (FakeMusicBrainz fake = FakeMusicBrainz.builder(CATALOG).start();
                    MusicBrainzClient client = client(fake)) {
                CatalogArtist artist = linked(fake, 1);
                fake.failNext(1, 500);

                assertThat(client.artistForSpotify(artist.id()))
                        .contains(new MusicBrainzArtist(fake.mbidOf(artist.id()), artist.name()));
                assertThat(statuses(fake.requests())).containsExactly(500, 200);

                fake.resetLog();
                fake.alwaysFail(500);
                assertFails(
                        () -> client.artistGenres(fake.mbidOf(artist.id())),
                        SourceServerException.class,
                        500,
                        true);
                assertThat(statuses(fake.requests())).containsExactly(500, 500, 500);
                assertThat(fake.rateViolations()).isZero();
            }
        }

        @Test
        void a4xxIsARequestError_notRetried() {
            try (FakeMusicBrainz fake = FakeMusicBrainz.builder(CATALOG).start();
                    MusicBrainzClient client = client(fake)) {
                fake.failNext(1, 400);

                assertThatThrownBy(() -> client.artistForSpotify(linked(fake, 1).id()))
                        .isInstanceOfSatisfying(
                                SourceRequestException.class,
                                e -> assertThat(e.retryable()).isFalse());
                assertThat(fake.requests()).hasSize(1);
            }
        }

        @Test
        void aClosedFake_isATransportError() {
            FakeMusicBrainz fake = FakeMusicBrainz.builder(CATALOG).start();
            try (MusicBrainzClient client = client(fake)) {
                String id = linked(fake, 1).id();
                fake.close();

                assertThatThrownBy(() -> client.artistForSpotify(id))
                        .isInstanceOf(SourceTransportException.class);
            }
        }
    }

    private static JsonNode get(String url) throws IOException {
        try (Response response =
                TestSources.HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(response.code()).as(url).isEqualTo(200);
            return JSON.readTree(response.body().string());
        }
    }
}
