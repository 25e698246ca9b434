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
import java.util.List;
import okhttp3.Response;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The fake MusicBrainz's contract, over raw HTTP. */
class FakeMusicBrainzTest {

    private static final FakeCatalog CATALOG = FakeCatalog.standard();
    private static final String SPOTIFY = "https://open.spotify.com/artist/";

    /** Without the 1 request/s rule, for the tests that are not about it. */
    @AutoClose
    private final FakeMusicBrainz fake =
            FakeMusicBrainz.builder(CATALOG).minInterval(Duration.ZERO).start();

    @Test
    void aboutEightyPercentOfSpotifyLinksAreKnownAndMbidsAreStable() {
        assertThat(Coverage.share(CATALOG.artists(), a -> fake.knowsArtist(a.id())))
                .isBetween(0.72, 0.88);
        String id = CATALOG.someArtistId();
        assertThat(fake.mbidOf(id)).matches("[0-9a-f-]{36}").isEqualTo(fake.mbidOf(id));
        assertThatThrownBy(() -> fake.mbidOf(CATALOG.unknownId()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spotifyLinkResolvesToTheArtistOr404() throws IOException {
        CatalogArtist artist = known();

        JsonNode url = json(urlLookup(artist.id()), 200);

        assertThat(url.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(url.get("resource").asText()).isEqualTo(SPOTIFY + artist.id());
        JsonNode relation = url.at("/relations/0");
        assertThat(relation.get("type").asText()).isEqualTo("free streaming");
        assertThat(relation.get("target-type").asText()).isEqualTo("artist");
        assertThat(relation.at("/artist/id").asText()).isEqualTo(fake.mbidOf(artist.id()));
        assertThat(relation.at("/artist/name").asText()).isEqualTo(artist.name());
        assertThat(json(urlLookup(unknown().id()), 404).get("error").asText())
                .isEqualTo("Not Found");
    }

    @Test
    void repeatedResourcesAnswerAUrlListWithoutTheUnknownOnes() throws IOException {
        String url =
                fake.url()
                        + "/url?resource="
                        + SPOTIFY
                        + known().id()
                        + "&resource="
                        + SPOTIFY
                        + unknown().id()
                        + "&inc=artist-rels&fmt=json";

        JsonNode urls = json(url, 200).get("urls");

        assertThat(urls).hasSize(1);
        assertThat(urls.at("/0/relations/0/artist/id").asText())
                .isEqualTo(fake.mbidOf(known().id()));
    }

    @Test
    void anIsrcAnswersItsRecordingsWithEveryCreditedArtist_linkedToSpotifyOrNot()
            throws IOException {
        CatalogTrack track =
                CATALOG.firstTrack(
                        t ->
                                t.artists().size() > 1
                                        && fake.knowsIsrc(t.isrc())
                                        && t.artists().stream()
                                                .anyMatch(a -> !fake.knowsArtist(a.id())));

        JsonNode body = json(fake.url() + "/isrc/" + track.isrc() + "?inc=artists&fmt=json", 200);

        assertThat(body.get("isrc").asText()).isEqualTo(track.isrc());
        JsonNode credit = body.at("/recordings/0/artist-credit");
        assertThat(body.at("/recordings/0/title").asText()).isEqualTo(track.name());
        List<String> mbids = new ArrayList<>();
        credit.forEach(c -> mbids.add(c.at("/artist/id").asText()));
        assertThat(mbids)
                .containsExactlyElementsOf(
                        track.artists().stream().map(a -> fake.mbidOf(a.id())).toList());
        assertThat(
                        json(fake.url() + "/isrc/" + track.isrc() + "?fmt=json", 200)
                                .at("/recordings/0")
                                .has("artist-credit"))
                .as("artist-credit only with inc=artists")
                .isFalse();
    }

    @Test
    void aboutEightyFivePercentOfIsrcsAreKnown_othersAre404_malformedOnes400() throws IOException {
        List<CatalogTrack> tracks = CATALOG.tracks();
        assertThat(Coverage.share(tracks, t -> fake.knowsIsrc(t.isrc()))).isBetween(0.78, 0.92);

        CatalogTrack missing =
                tracks.stream().filter(t -> !fake.knowsIsrc(t.isrc())).findFirst().orElseThrow();
        assertThat(
                        json(fake.url() + "/isrc/" + missing.isrc() + "?fmt=json", 404)
                                .get("error")
                                .asText())
                .isEqualTo("Not Found");
        assertThat(json(fake.url() + "/isrc/not-an-isrc?fmt=json", 400).get("error").asText())
                .isEqualTo("Invalid isrc.");
    }

    @Test
    void artistGenresAreTheCuratedTrueGenresAndTagsAddNoise() throws IOException {
        CatalogArtist artist = CATALOG.firstArtist(a -> a.genres().size() >= 2);

        JsonNode body = artistLookup(artist.id(), "inc=genres+tags&fmt=json");

        assertThat(body.get("name").asText()).isEqualTo(artist.name());
        List<String> genres = new ArrayList<>();
        body.get("genres").forEach(g -> genres.add(g.get("name").asText()));
        assertThat(genres)
                .containsExactlyInAnyOrderElementsOf(
                        artist.genres().stream().map(g -> g.replace('-', ' ')).toList());
        JsonNode top =
                body.get("genres").get(genres.indexOf(artist.genres().get(0).replace('-', ' ')));
        for (JsonNode genre : body.get("genres")) {
            assertThat(genre.get("count").asInt()).isLessThanOrEqualTo(top.get("count").asInt());
            assertThat(genre.get("id").asText()).matches("[0-9a-f-]{36}");
        }
        List<String> tags = new ArrayList<>();
        body.get("tags").forEach(t -> tags.add(t.get("name").asText()));
        assertThat(tags).containsAll(genres);
        assertThat(CATALOG.artists().stream().limit(30))
                .anySatisfy(
                        a ->
                                assertThat(
                                                artistLookup(a.id(), "inc=tags&fmt=json")
                                                        .get("tags")
                                                        .size())
                                        .isGreaterThan(a.genres().size()));
        json(fake.url() + "/artist/00000000-0000-0000-0000-000000000000?fmt=json", 404);
        json(fake.url() + "/artist/" + artist.id() + "?fmt=json", 400);
    }

    @Test
    void urlRelsOfAnArtistLinkItsSpotifyPageWhenTheLinkIsKnown_besideOtherLinks()
            throws IOException {
        for (CatalogArtist artist : List.of(known(), unknown())) {
            JsonNode body = artistLookup(artist.id(), "inc=genres+url-rels&fmt=json");
            List<String> resources = new ArrayList<>();
            for (JsonNode relation : body.get("relations")) {
                assertThat(relation.get("target-type").asText()).isEqualTo("url");
                resources.add(relation.at("/url/resource").asText());
            }
            assertThat(resources).anyMatch(r -> r.startsWith("https://www.wikidata.org/wiki/Q"));
            if (artist == known()) {
                assertThat(resources).contains(SPOTIFY + artist.id());
            } else {
                assertThat(resources).noneMatch(r -> r.startsWith(SPOTIFY));
            }
        }
        assertThat(artistLookup(known().id(), "fmt=json").has("relations")).isFalse();
    }

    @Test
    void genericOrMissingUserAgentsAreRejectedWith403() throws IOException {
        String url = urlLookup(known().id());
        List<String> generic =
                List.of(
                        "okhttp/5.1.0",
                        "Java-http-client/17",
                        "curl/8.5.0",
                        "python-requests/2.31",
                        "SpotifyInsight",
                        "SpotifyInsight/1.0");
        for (String agent : generic) {
            try (Response response = get(url, agent)) {
                assertThat(response.code()).as(agent).isEqualTo(403);
                assertThat(response.body().string()).contains("User-Agent");
            }
        }
        try (Response none =
                SourceHttp.HTTP
                        .newCall(
                                new okhttp3.Request.Builder()
                                        .url(url)
                                        .header("User-Agent", "")
                                        .build())
                        .execute()) {
            assertThat(none.code()).isEqualTo(403);
        }

        assertThat(fake.userAgentRejections()).isEqualTo(generic.size() + 1);
        json(get(url, "SpotifyInsight/1.0 ( ops@example.org )"), 200);
        json(get(url, "SpotifyInsight/1.0 (https://example.org)"), 200);
        json(get(url, "SpotifyInsight/1.0 ops@example.org"), 200);
        assertThat(fake.userAgentRejections()).isEqualTo(generic.size() + 1);
    }

    @Test
    void requestsLessThanASecondApartGet503AndAreCounted() throws Exception {
        try (FakeMusicBrainz paced = FakeMusicBrainz.builder(CATALOG).start()) {
            String url = paced.url() + "/artist/" + paced.mbidOf(known().id()) + "?fmt=json";

            json(url, 200);
            JsonNode tooSoon = json(url, 503);
            assertThat(paced.rateViolations()).isEqualTo(1);
            assertThat(tooSoon.get("error").asText()).contains("rate limit");

            Thread.sleep(1050); // the spacing is what is under test
            json(url, 200);
            assertThat(paced.rateViolations()).isEqualTo(1);
            assertThat(paced.requests())
                    .extracting(RecordedCall::status)
                    .containsExactly(200, 503, 200);
        }
    }

    @Test
    void faultsLogAndClose() throws IOException {
        String url = urlLookup(known().id());
        fake.failNext(1, 500);

        json(url, 500);
        json(url, 200);
        fake.alwaysFail(502);
        json(url, 502);
        fake.alwaysFail(0);

        List<RecordedCall> calls = fake.requests();
        assertThat(calls).extracting(RecordedCall::status).containsExactly(500, 200, 502);
        assertThat(calls.get(0).path()).isEqualTo("/ws/2/url");
        assertThat(calls.get(0).query("resource")).isEqualTo(SPOTIFY + known().id());
        assertThat(calls.get(0).header("User-Agent")).isEqualTo(SourceHttp.USER_AGENT);
        fake.resetLog();
        assertThat(fake.requests()).isEmpty();
        fake.close();
        assertThatThrownBy(() -> get(url).close()).isInstanceOf(IOException.class);
    }

    private String urlLookup(String spotifyArtistId) {
        return fake.url()
                + "/url?resource="
                + SPOTIFY
                + spotifyArtistId
                + "&inc=artist-rels&fmt=json";
    }

    /** {@code /artist/{mbid}?query} of a catalogue artist, answered 200. */
    private JsonNode artistLookup(String spotifyArtistId, String query) throws IOException {
        return json(fake.url() + "/artist/" + fake.mbidOf(spotifyArtistId) + "?" + query, 200);
    }

    private CatalogArtist known() {
        return CATALOG.firstArtist(a -> fake.knowsArtist(a.id()));
    }

    private CatalogArtist unknown() {
        return CATALOG.firstArtist(a -> !fake.knowsArtist(a.id()));
    }
}
