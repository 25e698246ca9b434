package io.spotifyinsight.sources.fake;

import static io.spotifyinsight.sources.fake.SourceHttp.get;
import static io.spotifyinsight.sources.fake.SourceHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.spotify.fake.FakeCatalog;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogArtist;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;
import io.spotifyinsight.spotify.fake.RecordedCall;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The fake Last.fm's contract, over raw HTTP. */
class FakeLastFmTest {

    private static final FakeCatalog CATALOG = FakeCatalog.standard();

    @AutoClose private final FakeLastFm fake = FakeLastFm.builder(CATALOG).start();

    @Test
    void coverageIsAboutNinetyPercentOfArtistsByName() {
        assertThat(Coverage.share(CATALOG.artists(), a -> fake.knowsArtist(a.name())))
                .isBetween(0.82, 0.96);
        CatalogArtist artist = knownArtist();
        assertThat(fake.knowsArtist(artist.name().toUpperCase())).isTrue();
        assertThat(fake.knowsArtist("No Such Artist At All")).isFalse();
    }

    @Test
    void missingOrWrongKeyAndSuspensionAreErrorsWithHttp200() throws IOException {
        HttpUrl noKey =
                HttpUrl.get(fake.url())
                        .newBuilder()
                        .addQueryParameter("method", "artist.getTopTags")
                        .addQueryParameter("artist", knownArtist().name())
                        .addQueryParameter("format", "json")
                        .build();
        JsonNode missing = json(noKey.toString(), 200);
        JsonNode wrong =
                json(
                        noKey.newBuilder().addQueryParameter("api_key", "nope").build().toString(),
                        200);

        assertThat(missing.toString())
                .isEqualTo(
                        "{\"error\":10,\"message\":\"Invalid API key - You must be granted a valid"
                                + " key by last.fm\",\"links\":[]}");
        assertThat(wrong.get("error").asInt()).isEqualTo(10);
        fake.setSuspended(true);
        assertThat(call("artist.getTopTags", "artist", knownArtist().name()).get("error").asInt())
                .isEqualTo(26);
        fake.setSuspended(false);
        assertThat(call("artist.getNothing", "artist", "x").get("error").asInt()).isEqualTo(3);
        try (FakeLastFm custom = FakeLastFm.builder(CATALOG).apiKey("mine").start()) {
            String url = custom.url() + "?method=artist.getTopTags&artist=x&format=json";
            assertThat(json(url + "&api_key=mine", 200).get("error").asInt()).isEqualTo(6);
            assertThat(json(url + "&api_key=" + FakeLastFm.VALID_KEY, 200).get("error").asInt())
                    .isEqualTo(10);
        }
    }

    @Test
    void topTagsAreTheGenresSpacedWithDecreasingCountsPlusLowerNoise() throws IOException {
        CatalogArtist artist = knownArtistWithGenres(2);

        JsonNode toptags = call("artist.getTopTags", "artist", artist.name()).get("toptags");

        List<String> names = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        toptags.get("tag").forEach(t -> names.add(t.get("name").asText()));
        toptags.get("tag").forEach(t -> counts.add(t.get("count").asInt()));
        assertThat(names.get(0)).isEqualTo(artist.genres().get(0).replace('-', ' '));
        assertThat(counts.get(0)).isEqualTo(100);
        assertThat(counts.get(1)).isEqualTo(70);
        assertThat(counts).isSortedAccordingTo((a, b) -> b - a);
        assertThat(names).noneMatch(n -> n.contains("-"));
        assertThat(names.size()).isGreaterThan(artist.genres().size());
        assertThat(counts.get(counts.size() - 1)).isLessThan(10);
        assertThat(toptags.at("/@attr/artist").asText()).isEqualTo(artist.name());
    }

    @Test
    void namesMatchIgnoringCaseAndWithAutocorrectAccents() throws IOException {
        CatalogArtist accented =
                CATALOG.firstArtist(
                        a ->
                                fake.knowsArtist(a.name())
                                        && !stripAccents(a.name()).equals(a.name()));
        String plain = stripAccents(accented.name()).toLowerCase();

        JsonNode corrected =
                call("artist.getTopTags", "artist", plain, "autocorrect", "1").get("toptags");
        assertThat(corrected.at("/@attr/artist").asText()).isEqualTo(accented.name());
        assertThat(call("artist.getTopTags", "artist", plain).get("error").asInt()).isEqualTo(6);
        assertThat(
                        call("artist.getTopTags", "artist", accented.name().toUpperCase())
                                .has("toptags"))
                .isTrue();
    }

    @Test
    void unknownArtistIsError6() throws IOException {
        JsonNode error = call("artist.getSimilar", "artist", unknownArtist().name());

        assertThat(error.get("error").asInt()).isEqualTo(6);
        assertThat(error.get("message").asText())
                .isEqualTo("The artist you supplied could not be found");
    }

    @Test
    void similarArtistsShareGenresWithMatchAsStringsSortedAndLimited() throws IOException {
        CatalogArtist artist = knownArtist();

        JsonNode similar =
                call("artist.getSimilar", "artist", artist.name(), "limit", "5")
                        .get("similarartists");

        JsonNode list = similar.get("artist");
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isBetween(2, 5);
        double previous = 2;
        for (JsonNode other : list) {
            assertThat(other.get("match").isTextual()).isTrue();
            double match = Double.parseDouble(other.get("match").asText());
            assertThat(match).isLessThanOrEqualTo(previous);
            previous = match;
            assertThat(genresOf(other.get("name").asText())).containsAnyElementsOf(artist.genres());
            assertThat(other.has("mbid")).isTrue();
        }
        assertThat(similar.at("/@attr/artist").asText()).isEqualTo(artist.name());
    }

    @Test
    void aOneElementListIsASingleObjectAndAThirdOfMbidsAreEmpty() throws IOException {
        JsonNode one =
                call("artist.getSimilar", "artist", knownArtist().name(), "limit", "1")
                        .at("/similarartists/artist");
        assertThat(one.isObject()).isTrue();
        assertThat(one.get("name").isTextual()).isTrue();

        JsonNode tracks =
                call("tag.getTopTracks", "tag", "pop", "limit", "200").at("/tracks/track");
        long empty = 0;
        for (JsonNode track : tracks) {
            empty += track.get("mbid").asText().isEmpty() ? 1 : 0;
        }
        assertThat((double) empty / tracks.size()).isBetween(0.1, 0.6);
    }

    @Test
    void tagTopTracksArePagedWithStringNumbersAndAttr() throws IOException {
        String genre = knownArtistWithGenres(1).genres().get(0);
        String tag = genre.replace('-', ' ');

        JsonNode page1 = call("tag.getTopTracks", "tag", tag, "limit", "2").get("tracks");
        JsonNode page2 =
                call("tag.getTopTracks", "tag", tag, "limit", "2", "page", "2").get("tracks");

        JsonNode first = page1.get("track").get(0);
        assertThat(first.get("duration").isTextual()).isTrue();
        assertThat(first.at("/@attr/rank").asText()).isEqualTo("1");
        assertThat(first.at("/artist/name").isTextual()).isTrue();
        assertThat(page1.at("/@attr/tag").asText()).isEqualTo(tag);
        assertThat(page1.at("/@attr/page").asText()).isEqualTo("1");
        assertThat(page1.at("/@attr/perPage").asText()).isEqualTo("2");
        assertThat(page1.at("/@attr/total").isTextual()).isTrue();
        if (page2.get("track").isArray()) {
            assertThat(page2.get("track").get(0).at("/@attr/rank").asText()).isEqualTo("3");
        }
        assertThat(genresOf(first.at("/artist/name").asText())).contains(genre);
        assertThat(
                        call("tag.getTopTracks", "tag", "no such tag at all")
                                .at("/tracks/@attr/total")
                                .asText())
                .isEqualTo("0");
    }

    @Test
    void similarTracksHaveNumericMatchAndDurationAndUnknownTracksGiveAnEmptyList()
            throws IOException {
        CatalogArtist artist = knownArtist();
        CatalogTrack track = CATALOG.firstTrack(t -> t.artist().equals(artist));

        JsonNode similar =
                call(
                                "track.getSimilar",
                                "artist",
                                artist.name(),
                                "track",
                                track.name(),
                                "limit",
                                "10")
                        .get("similartracks");

        JsonNode list = similar.get("track");
        assertThat(list.size()).isBetween(2, 10);
        assertThat(list.get(0).get("match").isNumber()).isTrue();
        assertThat(list.get(0).get("duration").isNumber()).isTrue();
        assertThat(list.get(0).at("/artist/name").isTextual()).isTrue();
        JsonNode none =
                call("track.getSimilar", "artist", artist.name(), "track", "No Such Song")
                        .get("similartracks");
        assertThat(none.get("track").isArray()).isTrue();
        assertThat(none.get("track")).isEmpty();
    }

    @Test
    void faultsErrorCodesAndLog() throws IOException {
        String name = knownArtist().name();
        fake.failNext(1, 503);
        fake.errorNext(1, 29);

        assertThat(json(url("artist.getTopTags", "artist", name), 503).get("error").asInt())
                .isEqualTo(11);
        assertThat(call("artist.getTopTags", "artist", name).get("error").asInt()).isEqualTo(29);
        assertThat(call("artist.getTopTags", "artist", name).has("toptags")).isTrue();
        fake.alwaysFail(500);
        json(url("artist.getTopTags", "artist", name), 500);
        fake.alwaysFail(0);

        List<RecordedCall> calls = fake.requests();
        assertThat(calls).extracting(RecordedCall::status).containsExactly(503, 200, 200, 500);
        assertThat(calls.get(0).path()).isEqualTo("/2.0/");
        assertThat(calls.get(0).query("method")).isEqualTo("artist.getTopTags");
        assertThat(calls.get(0).query("api_key")).isEqualTo(FakeLastFm.VALID_KEY);
        fake.resetLog();
        assertThat(fake.requests()).isEmpty();
        fake.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(url("x")).close())
                .isInstanceOf(IOException.class);
    }

    // ---- helpers

    private JsonNode call(String method, String... params) throws IOException {
        return json(url(method, params), 200);
    }

    private String url(String method, String... params) {
        HttpUrl.Builder url =
                HttpUrl.get(fake.url())
                        .newBuilder()
                        .addQueryParameter("method", method)
                        .addQueryParameter("api_key", FakeLastFm.VALID_KEY)
                        .addQueryParameter("format", "json");
        for (int i = 0; i + 1 < params.length; i += 2) {
            url.addQueryParameter(params[i], params[i + 1]);
        }
        return url.build().toString();
    }

    private CatalogArtist knownArtist() {
        return knownArtistWithGenres(1);
    }

    private CatalogArtist knownArtistWithGenres(int genres) {
        return CATALOG.artists().stream()
                .filter(a -> fake.knowsArtist(a.name()) && a.genres().size() >= genres)
                .filter(
                        a ->
                                CATALOG.artists().stream()
                                                .filter(b -> b.name().equals(a.name()))
                                                .count()
                                        == 1)
                .findFirst()
                .orElseThrow();
    }

    private CatalogArtist unknownArtist() {
        return CATALOG.firstArtist(a -> !fake.knowsArtist(a.name()));
    }

    /** Last.fm merges catalogue artists of one name: the union of their genres. */
    private static List<String> genresOf(String name) {
        return CATALOG.artists().stream()
                .filter(a -> a.name().equals(name))
                .flatMap(a -> a.genres().stream())
                .toList();
    }

    private static String stripAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
