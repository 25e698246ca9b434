package io.spotifyinsight.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.sources.internal.BodyCheck;
import io.spotifyinsight.sources.internal.JsonShape;
import io.spotifyinsight.sources.internal.RequestSpacing;
import io.spotifyinsight.sources.internal.SourceExecutor;
import io.spotifyinsight.sources.internal.SpotifyLinks;
import io.spotifyinsight.sources.internal.UserAgents;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * MusicBrainz: the artist behind a Spotify artist link or a track's ISRC, and its genres. No key,
 * but a meaningful {@code User-Agent} with a contact is mandatory ({@link #userAgent(String)}).
 *
 * <p>MusicBrainz allows one request per second per IP and blocks IPs that keep exceeding it, so
 * this client never sends more than one request per {@value #MIN_INTERVAL_MS} ms, whatever {@link
 * SourceConfig#requestsPerSecond()} says (a lower configured rate is honoured). The margin over one
 * second absorbs timing jitter between taking a slot and the request arriving. 503 and 429 (its
 * over-limit answers) are retried with backoff.
 *
 * <p>Thread-safe: share one instance, since the spacing is per instance.
 */
public final class MusicBrainzClient extends SourceClient {

    /** Smallest spacing between two requests of one client. */
    public static final long MIN_INTERVAL_MS = 1050;

    private static final String URL_LOOKUP = "GET /url";
    private static final String ARTIST = "GET /artist/{mbid}";
    private static final String ISRC = "GET /isrc/{isrc}";

    public MusicBrainzClient(SourceConfig config, String contact, OkHttpClient sharedHttp) {
        this(config, contact, sharedHttp, Backoff.DEFAULT);
    }

    /** As {@link #MusicBrainzClient(SourceConfig, String, OkHttpClient)} with another backoff. */
    public MusicBrainzClient(
            SourceConfig config, String contact, OkHttpClient sharedHttp, Backoff backoff) {
        super(
                config,
                new SourceExecutor(
                        SourceService.MUSICBRAINZ,
                        config,
                        sharedHttp,
                        backoff,
                        requestsPerSecond(config.requestsPerSecond()),
                        userAgent(contact),
                        BodyCheck.NONE,
                        null,
                        // every request, retries included, MIN_INTERVAL_MS after the previous ended
                        List.of(new RequestSpacing(Duration.ofMillis(MIN_INTERVAL_MS)))));
    }

    /** {@code SpotifyInsight/<version> ( <contact> )}; the contact is an e-mail address or URL. */
    public static String userAgent(String contact) {
        return UserAgents.withContact(contact);
    }

    /**
     * The MusicBrainz artist linked to a Spotify artist: the first relation of the URL entity that
     * targets an artist. Empty when MusicBrainz does not know the link (404) or it links no artist.
     */
    public Optional<MusicBrainzArtist> artistForSpotify(String spotifyArtistId) {
        String id = Inputs.spotifyId("spotifyArtistId", spotifyArtistId);
        HttpUrl.Builder url =
                newUrl().addPathSegment("url")
                        .addQueryParameter("resource", "https://open.spotify.com/artist/" + id)
                        .addQueryParameter("inc", "artist-rels");
        JsonNode body = objectIfFound(URL_LOOKUP, url);
        if (body == null) {
            return Optional.empty();
        }
        JsonShape in = shape(URL_LOOKUP);
        List<JsonNode> relations = in.list(body, "relations", "$");
        for (int i = 0; i < relations.size(); i++) {
            JsonNode relation = relations.get(i);
            String path = "relations[" + i + "]";
            String targetType = in.optionalText(relation, "target-type", path);
            JsonNode artist = in.optionalObject(relation, "artist", path);
            // Relations to labels, places etc. share the list; the artist object is what we need.
            if (artist == null || (targetType != null && !targetType.equals("artist"))) {
                continue;
            }
            String artistPath = path + ".artist";
            return Optional.of(
                    new MusicBrainzArtist(
                            in.text(artist, "id", artistPath),
                            in.text(artist, "name", artistPath)));
        }
        return Optional.empty();
    }

    /**
     * The artist's curated genres, most voted first; when it has none, its tags, most voted first.
     * Empty for an unknown MBID (404).
     */
    public List<Tag> artistGenres(String mbid) {
        JsonNode body = artist(mbid, "genres+tags");
        return body == null ? List.of() : genresOrTags(shape(ARTIST), body);
    }

    /**
     * The artist with its genres (as {@link #artistGenres}) and the Spotify artist its URL
     * relations link to, in one request: this is how an artist that Last.fm names with an MBID is
     * found on Spotify without a Spotify request. Empty for an unknown MBID (404).
     */
    public Optional<MusicBrainzArtistDetails> artistDetails(String mbid) {
        JsonNode body = artist(mbid, "genres+tags+url-rels");
        if (body == null) {
            return Optional.empty();
        }
        JsonShape in = shape(ARTIST);
        String spotifyId = null;
        List<JsonNode> relations = in.list(body, "relations", "$");
        for (int i = 0; i < relations.size() && spotifyId == null; i++) {
            String path = "relations[" + i + "]";
            JsonNode target = in.optionalObject(relations.get(i), "url", path);
            // links to Wikidata, Discogs, other streaming services... share the list
            String resource =
                    target == null ? null : in.optionalText(target, "resource", path + ".url");
            spotifyId = SpotifyLinks.artistIdOf(resource);
        }
        return Optional.of(
                new MusicBrainzArtistDetails(
                        in.text(body, "id", "$"),
                        in.text(body, "name", "$"),
                        genresOrTags(in, body),
                        spotifyId));
    }

    /** {@code GET /artist/{mbid}?inc=...}: the body, or null for an unknown MBID (404). */
    private JsonNode artist(String mbid, String includes) {
        String id = Inputs.uuid("mbid", mbid);
        HttpUrl.Builder url =
                newUrl().addPathSegment("artist")
                        .addPathSegment(id)
                        // a literal '+', as MusicBrainz documents it ("%2B" would not separate)
                        .addEncodedQueryParameter("inc", includes);
        return objectIfFound(ARTIST, url);
    }

    private static List<Tag> genresOrTags(JsonShape in, JsonNode body) {
        List<Tag> genres = heaviestFirst(in, body, "genres", "$");
        return genres.isEmpty() ? heaviestFirst(in, body, "tags", "$") : genres;
    }

    /**
     * The artists credited on the recordings that carry this ISRC, in credit order, each once. It
     * reaches artists that MusicBrainz does not link to Spotify: many have recordings whose ISRC
     * came from a release. Empty for an ISRC MusicBrainz does not know (404).
     */
    public List<MusicBrainzArtist> artistsForIsrc(String isrc) {
        String code = Inputs.isrc("isrc", isrc);
        HttpUrl.Builder url =
                newUrl().addPathSegment("isrc")
                        .addPathSegment(code)
                        // "artists" is the recording include that adds each recording's
                        // artist-credit
                        .addQueryParameter("inc", "artists");
        JsonNode body = objectIfFound(ISRC, url);
        if (body == null) {
            return List.of();
        }
        JsonShape in = shape(ISRC);
        Map<String, MusicBrainzArtist> credited = new LinkedHashMap<>();
        List<JsonNode> recordings = in.list(body, "recordings", "$");
        for (int r = 0; r < recordings.size(); r++) {
            String recordingPath = "recordings[" + r + "]";
            List<JsonNode> credits = in.list(recordings.get(r), "artist-credit", recordingPath);
            for (int c = 0; c < credits.size(); c++) {
                String path = recordingPath + ".artist-credit[" + c + "]";
                JsonNode artist = in.optionalObject(credits.get(c), "artist", path);
                if (artist == null) {
                    continue;
                }
                String mbid = in.text(artist, "id", path + ".artist");
                credited.putIfAbsent(
                        mbid,
                        new MusicBrainzArtist(mbid, in.text(artist, "name", path + ".artist")));
            }
        }
        return List.copyOf(credited.values());
    }

    /**
     * Whether {@link #artistsForIsrc} takes this value: 12 characters once upper-cased and without
     * hyphens or spaces. Check an ISRC from another catalogue with it before asking.
     */
    public static boolean isIsrc(String value) {
        return Inputs.compactIsrc(value) != null;
    }

    /** GETs {@code url} as JSON ({@code fmt=json}): the body, an object, or null for a 404. */
    private JsonNode objectIfFound(String label, HttpUrl.Builder url) {
        JsonNode body = getIfFound(label, url.addQueryParameter("fmt", "json").build());
        if (body != null && !body.isObject()) {
            throw shape(label).fail("$", "an object", body);
        }
        return body;
    }

    /** The configured rate if it is slower than ours, else ours: never above 1 per 1.05 s. */
    static double requestsPerSecond(double configured) {
        double ceiling = 1000.0 / MIN_INTERVAL_MS;
        return configured > 0 && configured < ceiling ? configured : ceiling;
    }
}
