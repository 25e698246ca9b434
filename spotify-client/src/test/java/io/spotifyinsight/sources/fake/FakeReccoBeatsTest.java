package io.spotifyinsight.sources.fake;

import static io.spotifyinsight.sources.fake.SourceHttp.get;
import static io.spotifyinsight.sources.fake.SourceHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.spotify.fake.FakeCatalog;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogArtist;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;
import io.spotifyinsight.spotify.fake.RecordedCall;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.Response;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The fake ReccoBeats' contract, over raw HTTP. */
class FakeReccoBeatsTest {

    private static final FakeCatalog CATALOG = FakeCatalog.standard();

    @AutoClose private final FakeReccoBeats fake = FakeReccoBeats.builder(CATALOG).start();

    @Test
    void coverageIsPartialDeterministicAndAboutEightyFivePercentOfTracks() {
        assertThat(Coverage.share(CATALOG.tracks(), t -> fake.knowsTrack(t.id())))
                .isBetween(0.78, 0.92);
        assertThat(CATALOG.artists())
                .anySatisfy(a -> assertThat(fake.knowsArtist(a.id())).isFalse());
        try (FakeReccoBeats other = FakeReccoBeats.builder(CATALOG).start()) {
            assertThat(CATALOG.tracks())
                    .allSatisfy(
                            t ->
                                    assertThat(other.knowsTrack(t.id()))
                                            .isEqualTo(fake.knowsTrack(t.id())));
        }
        assertThat(fake.knowsTrack(CATALOG.unknownId())).isFalse();
    }

    @Test
    void recommendationHasReccoBeatsShapeExcludesSeedsAndIsDeterministic() throws IOException {
        List<CatalogTrack> seeds = knownTracks(2);
        String url = recommendation(20, seeds.get(0).id() + "&seeds=" + seeds.get(1).id());

        JsonNode body = json(url, 200);

        JsonNode content = body.get("content");
        assertThat(content).hasSize(20);
        JsonNode first = content.get(0);
        assertThat(first.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(first.has("trackTitle")).isTrue();
        assertThat(first.has("isrc")).isTrue();
        assertThat(first.at("/artists/0/href").asText())
                .startsWith("https://open.spotify.com/artist/");
        assertThat(first.at("/artists/0/id").asText()).matches("[0-9a-f-]{36}");
        Set<String> ids = new HashSet<>();
        content.forEach(item -> ids.add(spotifyId(item)));
        assertThat(ids).doesNotContain(seeds.get(0).id(), seeds.get(1).id());
        assertThat(json(url, 200)).isEqualTo(body);
        // comma-separated seeds are the same request
        String csv = recommendation(20, seeds.get(0).id() + "," + seeds.get(1).id());
        assertThat(json(csv, 200)).isEqualTo(body);
    }

    @Test
    void itemsSometimesLackHrefAndSometimesCarryNumbersAsStrings() throws IOException {
        List<JsonNode> items = new ArrayList<>();
        for (CatalogTrack seed : knownTracks(5)) {
            json(recommendation(100, seed.id()), 200).get("content").forEach(items::add);
        }

        assertThat(items).anySatisfy(i -> assertThat(i.has("href")).isFalse());
        assertThat(items.stream().filter(i -> !i.has("href")).count())
                .isLessThan(items.size() / 10);
        assertThat(items).anySatisfy(i -> assertThat(i.get("durationMs").isTextual()).isTrue());
        assertThat(items).anySatisfy(i -> assertThat(i.get("popularity").isInt()).isTrue());
    }

    @Test
    void recommendationsFollowAudioFeaturesMoreThanGenre() throws IOException {
        int sameGenre = 0;
        int total = 0;
        for (CatalogTrack seed : knownTracks(5)) {
            JsonNode content = json(recommendation(20, seed.id()), 200).get("content");
            for (JsonNode item : content) {
                if (!item.has("href")) {
                    continue;
                }
                CatalogTrack track = CATALOG.track(spotifyId(item)).orElseThrow();
                total++;
                if (track.artist().genres().get(0).equals(seed.artist().genres().get(0))) {
                    sameGenre++;
                }
            }
        }
        // genre-scattered, but not random: 126 genres would give well under 1 %
        assertThat((double) sameGenre / total).isLessThan(0.5);
    }

    @Test
    void recommendationValidatesSizeAndSeedCount() throws IOException {
        String seed = knownTracks(1).get(0).id();
        String six = String.join(",", knownTracks(6).stream().map(CatalogTrack::id).toList());

        assertThat(json(recommendation(0, seed), 400).get("message").asText()).contains("size");
        assertThat(json(recommendation(101, seed), 400).get("status").asInt()).isEqualTo(400);
        assertThat(
                        json(fake.url() + "/track/recommendation?seeds=" + seed, 400)
                                .get("error")
                                .asText())
                .isEqualTo("Bad Request");
        assertThat(json(fake.url() + "/track/recommendation?size=5", 400).get("message").asText())
                .contains("seeds");
        json(recommendation(5, six), 400);
    }

    @Test
    void unknownSeedsAreABadRequestOrFewerItemsDependingOnTheVariant() throws IOException {
        String known = knownTracks(1).get(0).id();
        String unknown = unknownTrack().id();
        String both = "/track/recommendation?size=10&seeds=" + known + "&seeds=" + unknown;

        assertThat(json(fake.url() + both, 400).get("message").asText()).contains(unknown);

        try (FakeReccoBeats empty =
                FakeReccoBeats.builder(CATALOG)
                        .unknownSeedVariant(FakeReccoBeats.UnknownSeed.EMPTY)
                        .start()) {
            assertThat(json(empty.url() + both, 200).get("content")).hasSize(5);
            assertThat(
                            json(
                                            empty.url()
                                                    + "/track/recommendation?size=10&seeds="
                                                    + unknown,
                                            200)
                                    .get("content"))
                    .isEmpty();
        }
    }

    @Test
    void trackArtistAndArtistTrackLookups() throws IOException {
        CatalogTrack known = knownTracks(1).get(0);
        CatalogTrack unknown = unknownTrack();

        JsonNode tracks = json(fake.url() + "/track?ids=" + known.id() + "," + unknown.id(), 200);
        assertThat(tracks.get("content")).hasSize(1);
        assertThat(tracks.at("/content/0/trackTitle").asText()).isEqualTo(known.name());
        String uuid = tracks.at("/content/0/id").asText();
        assertThat(uuid).isEqualTo(fake.uuidOfTrack(known.id()));
        assertThat(json(fake.url() + "/track?ids=" + uuid, 200).get("content")).hasSize(1);

        CatalogArtist artist = known.artist();
        CatalogArtist stranger = unknownArtist();
        JsonNode artists =
                json(fake.url() + "/artist?ids=" + artist.id() + "," + stranger.id(), 200);
        assertThat(artists.get("content")).hasSize(1);
        assertThat(artists.at("/content/0/href").asText())
                .isEqualTo("https://open.spotify.com/artist/" + artist.id());
        String artistUuid = artists.at("/content/0/id").asText();

        JsonNode page = json(fake.url() + "/artist/" + artistUuid + "/track?page=0&size=1", 200);
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("totalElements").asInt()).isPositive();
        assertThat(page.get("totalPages").asInt()).isEqualTo(page.get("totalElements").asInt());
        json(fake.url() + "/artist/" + artist.id() + "/track?page=0&size=25", 404);
        json(fake.url() + "/artist/" + artistUuid + "/track?size=51", 400);
        json(fake.url() + "/track?ids=", 400);
    }

    @Test
    void faultsRateLimitsLogAndClose() throws IOException {
        String url = fake.url() + "/track?ids=" + knownTracks(1).get(0).id();
        fake.failNext(1, 502);
        fake.rateLimitNext(1, Duration.ofMillis(1500));

        assertThat(json(url, 502).get("status").asInt()).isEqualTo(502);
        try (Response limited = get(url)) {
            assertThat(limited.code()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isEqualTo("2");
        }
        json(url, 200);
        fake.alwaysFail(500);
        json(url, 500);
        json(url, 500);
        fake.alwaysFail(0);
        json(url, 200);

        List<RecordedCall> calls = fake.requests();
        assertThat(calls)
                .extracting(RecordedCall::status)
                .containsExactly(502, 429, 200, 500, 500, 200);
        assertThat(calls.get(0).path()).isEqualTo("/v1/track");
        assertThat(calls.get(0).header("user-agent")).isEqualTo(SourceHttp.USER_AGENT);
        fake.resetLog();
        assertThat(fake.requests()).isEmpty();

        fake.close();
        assertThatThrownBy(() -> get(url).close()).isInstanceOf(IOException.class);
    }

    private List<CatalogTrack> knownTracks(int n) {
        return CATALOG.tracks().stream().filter(t -> fake.knowsTrack(t.id())).limit(n).toList();
    }

    private CatalogTrack unknownTrack() {
        return CATALOG.firstTrack(t -> !fake.knowsTrack(t.id()));
    }

    private CatalogArtist unknownArtist() {
        return CATALOG.firstArtist(a -> !fake.knowsArtist(a.id()));
    }

    /** The recommendation URL; {@code seeds} as the query carries them after the first "seeds=". */
    private String recommendation(int size, String seeds) {
        return fake.url() + "/track/recommendation?size=" + size + "&seeds=" + seeds;
    }

    private static String spotifyId(JsonNode item) {
        String href = item.path("href").asText("");
        return href.substring(href.lastIndexOf('/') + 1);
    }
}
