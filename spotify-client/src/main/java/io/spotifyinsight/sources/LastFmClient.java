package io.spotifyinsight.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.sources.internal.JsonShape;
import io.spotifyinsight.sources.internal.SourceExecutor;
import io.spotifyinsight.sources.internal.UserAgents;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Last.fm: similar artists, tags and similar tracks, by name (Last.fm has no Spotify ids). Needs
 * the operator's API key, which never appears in messages, logs or {@link #toString()}.
 *
 * <p>Last.fm's quirks are absorbed here: errors inside HTTP 200 bodies (6 "not found" gives an
 * empty list, 10/26 a {@link io.spotifyinsight.sources.error.SourceKeyException}, 29 a retried rate
 * limit), numbers as strings, a one-element list as a single object, empty {@code mbid}s.
 *
 * <p>Thread-safe: share one instance; retries, the 429 pause and the client-side rate limit ({@link
 * SourceConfig#requestsPerSecond()}, about 1/s keeps a key safe) are shared by all callers.
 */
public final class LastFmClient extends SourceClient {

    /** Largest {@code limit} accepted; Last.fm serves pages of up to 1000. */
    public static final int MAX_LIMIT = 1000;

    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]+$");

    private final String apiKey;

    public LastFmClient(SourceConfig config, String apiKey, OkHttpClient sharedHttp) {
        this(config, apiKey, sharedHttp, Backoff.DEFAULT);
    }

    /** As {@link #LastFmClient(SourceConfig, String, OkHttpClient)} with another backoff. */
    public LastFmClient(
            SourceConfig config, String apiKey, OkHttpClient sharedHttp, Backoff backoff) {
        this(config, checkedKey(apiKey), sharedHttp, backoff);
    }

    private LastFmClient(
            SourceConfig config, CheckedKey key, OkHttpClient sharedHttp, Backoff backoff) {
        super(
                config,
                new SourceExecutor(
                        SourceService.LASTFM,
                        config,
                        sharedHttp,
                        backoff,
                        config.requestsPerSecond(),
                        UserAgents.standard(),
                        new LastFmErrors(key.value()),
                        key.value(),
                        List.of()));
        this.apiKey = key.value();
    }

    /** {@code artist.getSimilar} with autocorrect; an unknown artist gives an empty list. */
    public List<SimilarArtist> similarArtists(String artistName, int limit) {
        String artist = Inputs.nonBlank("artistName", artistName);
        Inputs.range("limit", limit, 1, MAX_LIMIT);
        return call(
                "artist.getSimilar",
                Map.of("artist", artist, "autocorrect", "1", "limit", "" + limit),
                "similarartists",
                LastFmClient::similarArtists);
    }

    /**
     * {@code artist.getTopTags} with autocorrect, heaviest first; an unknown artist gives an empty
     * list.
     */
    public List<Tag> artistTopTags(String artistName) {
        String artist = Inputs.nonBlank("artistName", artistName);
        return call(
                "artist.getTopTags",
                Map.of("artist", artist, "autocorrect", "1"),
                "toptags",
                (in, top) -> heaviestFirst(in, top, "tag", "toptags"));
    }

    /** {@code tag.getTopTracks}, first page; an unknown tag gives an empty list. */
    public List<NamedTrack> tagTopTracks(String tag, int limit) {
        String name = Inputs.nonBlank("tag", tag);
        Inputs.range("limit", limit, 1, MAX_LIMIT);
        return call(
                "tag.getTopTracks",
                Map.of("tag", name, "limit", "" + limit),
                "tracks",
                (in, tracks) -> namedTracks(in, tracks, "tracks"));
    }

    /**
     * {@code track.getSimilar} with autocorrect; an unknown track gives an empty list (Last.fm
     * answers either an empty list or error 6).
     */
    public List<NamedTrack> similarTracks(String artist, String track, int limit) {
        String artistName = Inputs.nonBlank("artist", artist);
        String title = Inputs.nonBlank("track", track);
        Inputs.range("limit", limit, 1, MAX_LIMIT);
        return call(
                "track.getSimilar",
                Map.of(
                        "artist",
                        artistName,
                        "track",
                        title,
                        "autocorrect",
                        "1",
                        "limit",
                        "" + limit),
                "similartracks",
                (in, tracks) -> namedTracks(in, tracks, "similartracks"));
    }

    @Override
    public String toString() {
        return "LastFmClient[" + config() + ", apiKey=<redacted>]";
    }

    /**
     * What {@code read} makes of the answer's {@code wrapper} object, e.g. {@code similarartists};
     * empty when Last.fm does not know the artist, tag or track, or sent no such object.
     */
    private <T> List<T> call(
            String method,
            Map<String, String> params,
            String wrapper,
            BiFunction<JsonShape, JsonNode, List<T>> read) {
        HttpUrl.Builder url = newUrl().addQueryParameter("method", method);
        // sorted, so that URLs (and caches or fakes keyed on them) are deterministic
        params.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> url.addQueryParameter(e.getKey(), e.getValue()));
        url.addQueryParameter("api_key", apiKey).addQueryParameter("format", "json");
        JsonNode body = getIfFound(label(method), url.build());
        JsonShape in = shape(label(method));
        JsonNode answer = body == null ? null : in.optionalObject(body, wrapper, "$");
        return answer == null ? List.of() : read.apply(in, answer);
    }

    private static String label(String method) {
        return "GET " + method;
    }

    /**
     * The key as sent: printable ASCII without spaces, stripped.
     *
     * @throws IllegalArgumentException without the value: it may be a real key with a stray
     *     character
     */
    private static CheckedKey checkedKey(String apiKey) {
        if (apiKey == null || !KEY.matcher(apiKey.strip()).matches()) {
            throw new IllegalArgumentException(
                    "the Last.fm API key (LASTFM_API_KEY) must be printable ASCII without spaces"
                            + (apiKey == null || apiKey.isBlank() ? ", was blank" : ""));
        }
        return new CheckedKey(apiKey.strip());
    }

    /** A key {@link #checkedKey} accepted, so the constructor checks it before anything else. */
    private record CheckedKey(String value) {}

    /** The {@code artist} list of {@code similarartists}. */
    private static List<SimilarArtist> similarArtists(JsonShape in, JsonNode similar) {
        return in.listOf(
                similar,
                "artist",
                "similarartists",
                (item, path) ->
                        new SimilarArtist(
                                in.text(item, "name", path),
                                in.optionalText(item, "mbid", path),
                                in.number(item, "match", path, 0)));
    }

    /** The {@code track} list of a wrapper object such as {@code similartracks}. */
    private static List<NamedTrack> namedTracks(JsonShape in, JsonNode tracks, String wrapper) {
        return in.listOf(
                tracks,
                "track",
                wrapper,
                (item, path) ->
                        new NamedTrack(
                                in.text(item, "name", path),
                                artistName(in, item, path),
                                in.nestedText(item, "artist", "mbid", path),
                                in.number(item, "match", path, 0)));
    }

    /** {@code artist} is an object with {@code name} (or {@code #text}), or a plain string. */
    private static String artistName(JsonShape in, JsonNode track, String path) {
        JsonNode artist = track.get("artist");
        if (artist != null && artist.isTextual() && !artist.asText().isBlank()) {
            return artist.asText().strip();
        }
        JsonNode object = in.optionalObject(track, "artist", path);
        if (object == null) {
            throw in.fail(path + ".artist", "an object with a name", artist);
        }
        String name = in.optionalText(object, "name", path + ".artist");
        return name != null ? name : in.text(object, "#text", path + ".artist");
    }
}
