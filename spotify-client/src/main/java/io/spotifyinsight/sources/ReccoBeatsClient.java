package io.spotifyinsight.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.sources.error.SourceRequestException;
import io.spotifyinsight.sources.internal.BodyCheck;
import io.spotifyinsight.sources.internal.JsonShape;
import io.spotifyinsight.sources.internal.SourceExecutor;
import io.spotifyinsight.sources.internal.SpotifyLinks;
import io.spotifyinsight.sources.internal.UserAgents;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ReccoBeats: track recommendations from Spotify track ids, no key. Results come with ReccoBeats'
 * own UUIDs; the Spotify id is the last path segment of each item's {@code href}, and items without
 * one are skipped.
 *
 * <p>Thread-safe: share one instance. Retries, the 429 pause and the client-side rate limit ({@link
 * SourceConfig#requestsPerSecond()}) are shared by all callers. Every failure is a {@link
 * io.spotifyinsight.sources.error.SourceException}; inputs are validated before any request.
 */
public final class ReccoBeatsClient extends SourceClient {

    private static final Logger log = LoggerFactory.getLogger(ReccoBeatsClient.class);

    private static final String RECOMMENDATION = "GET /v1/track/recommendation";
    private static final String ARTISTS = "GET /v1/artist";
    private static final String ARTIST_TRACKS = "GET /v1/artist/{uuid}/track";

    public ReccoBeatsClient(SourceConfig config, OkHttpClient sharedHttp) {
        this(config, sharedHttp, Backoff.DEFAULT);
    }

    /** As {@link #ReccoBeatsClient(SourceConfig, OkHttpClient)} with another backoff (tests). */
    public ReccoBeatsClient(SourceConfig config, OkHttpClient sharedHttp, Backoff backoff) {
        super(
                config,
                new SourceExecutor(
                        SourceService.RECCOBEATS,
                        config,
                        sharedHttp,
                        backoff,
                        config.requestsPerSecond(),
                        UserAgents.standard(),
                        BodyCheck.NONE,
                        null,
                        List.of()));
    }

    /**
     * Up to {@code size} (1..100) tracks similar to 1..5 Spotify track ids (ReccoBeats UUIDs are
     * accepted too). Unknown seeds (400 with an error body, or 200 with fewer or no items) give an
     * empty list, never an exception. Items without a Spotify href are skipped.
     */
    public List<SourceTrack> recommendations(List<String> seedSpotifyTrackIds, int size) {
        List<String> seeds =
                Inputs.ids(
                        "seedSpotifyTrackIds",
                        seedSpotifyTrackIds,
                        5,
                        id -> Inputs.isSpotifyId(id) || Inputs.isUuid(id),
                        "Spotify track ids (22 letters and digits) or ReccoBeats UUIDs");
        Inputs.range("size", size, 1, 100);
        HttpUrl.Builder url =
                newUrl().addPathSegments("track/recommendation")
                        .addQueryParameter("size", Integer.toString(size));
        for (String seed : seeds) {
            url.addQueryParameter("seeds", seed); // repeated, as every working client sends them
        }
        JsonNode body;
        try {
            body = get(RECOMMENDATION, url.build());
        } catch (SourceRequestException e) {
            // a 404 is not an unknown seed but a wrong RECCOBEATS_API_URL (it includes /v1): let it
            // fail
            if (e.status() != 400) {
                throw e;
            }
            // ReccoBeats answers 400 for seeds it does not know: no candidates, not an error.
            log.debug("ReccoBeats knows none of the seeds {}: {}", seeds, e.getMessage());
            return List.of();
        }
        return tracks(shape(RECOMMENDATION), body);
    }

    /** ReccoBeats artists for 1..40 Spotify artist ids; unknown ids are simply absent. */
    public List<ReccoArtist> artists(List<String> spotifyArtistIds) {
        List<String> ids =
                Inputs.ids(
                        "spotifyArtistIds",
                        spotifyArtistIds,
                        40,
                        Inputs::isSpotifyId,
                        "Spotify artist ids (22 letters and digits)");
        HttpUrl url =
                newUrl().addPathSegments("artist")
                        .addQueryParameter("ids", String.join(",", ids))
                        .build();
        // a 404 here means a wrong RECCOBEATS_API_URL, not unknown artists (those are just absent)
        JsonNode body = get(ARTISTS, url);
        JsonShape in = shape(ARTISTS);
        return JsonShape.each(
                content(in, body),
                "content",
                (item, path) -> {
                    String uuid = in.optionalText(item, "id", path);
                    if (uuid == null) {
                        return null; // nothing to ask for tracks with
                    }
                    return new ReccoArtist(
                            uuid,
                            SpotifyLinks.idOf(in.optionalText(item, "href", path)),
                            in.text(item, "name", path));
                });
    }

    /** A ReccoBeats artist's tracks (size 1..50, page 0); an unknown UUID gives an empty list. */
    public List<SourceTrack> artistTracks(String reccoArtistUuid, int size) {
        String uuid = Inputs.uuid("reccoArtistUuid", reccoArtistUuid);
        Inputs.range("size", size, 1, 50);
        HttpUrl url =
                newUrl().addPathSegments("artist")
                        .addPathSegment(uuid)
                        .addPathSegment("track")
                        .addQueryParameter("page", "0")
                        .addQueryParameter("size", Integer.toString(size))
                        .build();
        JsonNode body = getIfFound(ARTIST_TRACKS, url);
        return body == null ? List.of() : tracks(shape(ARTIST_TRACKS), body);
    }

    /** {@code content} of the wrapper; a bare array (what the docs claim) is accepted too. */
    private static List<JsonNode> content(JsonShape in, JsonNode body) {
        if (body.isArray()) {
            return in.elements(body, "$");
        }
        return in.list(body, "content", "$");
    }

    private static List<SourceTrack> tracks(JsonShape in, JsonNode body) {
        return JsonShape.each(content(in, body), "content", (item, path) -> track(in, item, path));
    }

    /** Null for a track without a Spotify link: useless to us. */
    private static SourceTrack track(JsonShape in, JsonNode item, String path) {
        String spotifyId = SpotifyLinks.idOf(in.optionalText(item, "href", path));
        if (spotifyId == null) {
            return null;
        }
        List<SourceArtist> artists =
                in.listOf(
                        item,
                        "artists",
                        path,
                        (artist, artistPath) ->
                                new SourceArtist(
                                        SpotifyLinks.idOf(
                                                in.optionalText(artist, "href", artistPath)),
                                        in.text(artist, "name", artistPath)));
        return new SourceTrack(
                spotifyId,
                in.text(item, "trackTitle", path),
                artists,
                in.integer(item, "durationMs", path, 0),
                in.optionalText(item, "isrc", path));
    }
}
