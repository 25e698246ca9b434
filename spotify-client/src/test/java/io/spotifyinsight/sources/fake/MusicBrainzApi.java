package io.spotifyinsight.sources.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spotifyinsight.spotify.fake.FakeCatalog;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogArtist;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;
import io.spotifyinsight.spotify.fake.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** MusicBrainz's url, artist and ISRC lookups over the catalogue; no faults, no rules. */
final class MusicBrainzApi {

    static final double LINK_MISSING = 0.20;

    /** Share of catalogue tracks whose ISRC no MusicBrainz recording carries. */
    static final double ISRC_MISSING = 0.15;

    static final String HELP = "For usage, please see: https://musicbrainz.org/development/mmd";

    private static final String SPOTIFY_ARTIST = "https://open.spotify.com/artist/";
    private static final Pattern ISRC = Pattern.compile("^[A-Z]{2}[0-9A-Z]{3}[0-9]{7}$");
    private static final Pattern MBID =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final int[] GENRE_VOTES = {7, 5, 3, 2, 1};
    private static final String[] NOISE = {
        "british",
        "american",
        "english",
        "usa",
        "uk",
        "male vocalists",
        "female vocalists",
        "producer",
        "composer",
        "00s",
        "90s",
        "seen live"
    };

    private final Map<String, CatalogArtist> bySpotifyId = new HashMap<>();
    private final Map<String, CatalogArtist> byMbid = new HashMap<>();
    private final Map<String, List<CatalogTrack>> byIsrc = new HashMap<>();

    MusicBrainzApi(FakeCatalog catalog) {
        for (CatalogTrack track : catalog.tracks()) {
            if (track.isrc() != null
                    && SourceData.unit("musicbrainz-isrc", track.id()) >= ISRC_MISSING) {
                byIsrc.computeIfAbsent(track.isrc(), k -> new ArrayList<>()).add(track);
            }
        }
        for (CatalogArtist artist : catalog.artists()) {
            bySpotifyId.put(artist.id(), artist);
            byMbid.put(SourceData.artistMbid(artist.id()), artist);
        }
    }

    boolean knowsLink(String spotifyArtistId) {
        return spotifyArtistId != null
                && bySpotifyId.containsKey(spotifyArtistId)
                && SourceData.unit("musicbrainz-link", spotifyArtistId) >= LINK_MISSING;
    }

    boolean knowsIsrc(String isrc) {
        return byIsrc.containsKey(isrc);
    }

    String mbidOf(String spotifyArtistId) {
        return bySpotifyId.containsKey(spotifyArtistId)
                ? SourceData.artistMbid(spotifyArtistId)
                : null;
    }

    Reply handle(HttpUrl url) {
        List<String> s = url.pathSegments(); // ws, 2, ...
        if (s.size() < 3 || !s.get(0).equals("ws") || !s.get(1).equals("2")) {
            return error(404, "Not Found");
        }
        if (!"json".equals(url.queryParameter("fmt"))) {
            // the real service answers XML without fmt=json (or Accept: application/json)
            return new Reply(
                    200,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><metadata"
                            + " xmlns=\"http://musicbrainz.org/ns/mmd-2.0#\"/>",
                    Map.of("Content-Type", "application/xml; charset=utf-8"),
                    false);
        }
        List<String> inc = inc(url);
        if (s.get(2).equals("url") && s.size() == 3) {
            return urls(url, inc);
        }
        if (s.get(2).equals("artist") && s.size() == 4) {
            return artist(s.get(3), inc);
        }
        if (s.get(2).equals("isrc") && s.size() == 4) {
            return isrc(s.get(3), inc);
        }
        return error(400, "Invalid resource or not implemented by this fake.");
    }

    private Reply urls(HttpUrl url, List<String> inc) {
        List<String> resources = url.queryParameterValues("resource");
        if (resources.isEmpty()) {
            return error(400, "Invalid resource or not implemented by this fake.");
        }
        if (resources.size() > 100) {
            return error(400, "Too many resources: at most 100 per request.");
        }
        boolean rels = inc.contains("artist-rels");
        if (resources.size() == 1) {
            ObjectNode found = url(resources.get(0), rels);
            return found == null ? error(404, "Not Found") : Reply.json(200, found);
        }
        ObjectNode root = SourceData.MAPPER.createObjectNode();
        ArrayNode list = SourceData.MAPPER.createArrayNode();
        for (String resource : resources) {
            ObjectNode found = url(resource, rels);
            if (found != null) {
                list.add(found);
            }
        }
        root.put("url-offset", 0);
        root.put("url-count", list.size());
        root.set("urls", list);
        return Reply.json(200, root);
    }

    private ObjectNode url(String resource, boolean rels) {
        if (resource == null || !resource.startsWith(SPOTIFY_ARTIST)) {
            return null;
        }
        String id = resource.substring(SPOTIFY_ARTIST.length());
        if (!knowsLink(id)) {
            return null;
        }
        CatalogArtist artist = bySpotifyId.get(id);
        ObjectNode node = SourceData.MAPPER.createObjectNode();
        node.put("id", SourceData.uuid("musicbrainz:url", resource));
        node.put("resource", resource);
        if (rels) {
            ObjectNode relation = node.putArray("relations").addObject();
            relation.put("type", "free streaming");
            relation.put("type-id", "769085a1-c2f7-4c24-a532-2375a77693bd");
            relation.put("target-type", "artist");
            relation.put("direction", "backward");
            relation.putArray("attributes");
            relation.putObject("attribute-values");
            relation.put("ended", false);
            relation.putNull("begin");
            relation.putNull("end");
            relation.put("source-credit", "");
            relation.put("target-credit", "");
            relation.set("artist", artistRef(artist));
        }
        return node;
    }

    private Reply artist(String mbid, List<String> inc) {
        if (!MBID.matcher(mbid).matches()) {
            return error(400, "Invalid mbid.");
        }
        CatalogArtist artist = byMbid.get(mbid);
        if (artist == null) {
            return error(404, "Not Found");
        }
        ObjectNode node = artistRef(artist);
        if (inc.contains("genres")) {
            // MusicBrainz lists genres by name; the votes ("count") tell which matter most
            TreeMap<String, Integer> genres = genres(artist);
            ArrayNode array = node.putArray("genres");
            genres.forEach(
                    (name, count) ->
                            array.addObject()
                                    .put("name", name)
                                    .put("count", count)
                                    .put("id", SourceData.uuid("musicbrainz:genre", name))
                                    .put("disambiguation", ""));
        }
        if (inc.contains("tags")) {
            TreeMap<String, Integer> tags = new TreeMap<>(genres(artist));
            int noise = (int) (SourceData.unit("musicbrainz-noise-count", artist.id()) * 3);
            for (int i = 0; i < noise; i++) {
                String tag =
                        NOISE[
                                (int)
                                        (SourceData.unit("musicbrainz-noise-" + i, artist.id())
                                                * NOISE.length)];
                tags.putIfAbsent(tag, 1);
            }
            ArrayNode array = node.putArray("tags");
            tags.forEach((name, count) -> array.addObject().put("name", name).put("count", count));
        }
        if (inc.contains("url-rels")) {
            node.set("relations", urlRelations(artist));
        }
        return Reply.json(200, node);
    }

    /**
     * The artist's links: always a Wikidata page (whose last segment looks like an id too), and its
     * Spotify page when MusicBrainz knows that link ({@link #knowsLink}), as {@code /url} does.
     */
    private ArrayNode urlRelations(CatalogArtist artist) {
        ArrayNode relations = SourceData.MAPPER.createArrayNode();
        urlRelation(
                relations,
                "wikidata",
                "https://www.wikidata.org/wiki/Q" + (Math.abs(artist.id().hashCode()) % 9_000_000));
        if (knowsLink(artist.id())) {
            urlRelation(relations, "free streaming", SPOTIFY_ARTIST + artist.id());
        }
        return relations;
    }

    private static void urlRelation(ArrayNode relations, String type, String resource) {
        ObjectNode relation = relations.addObject();
        relation.put("type", type);
        relation.put("type-id", SourceData.uuid("musicbrainz:link-type", type));
        relation.put("target-type", "url");
        relation.put("direction", "forward");
        relation.putArray("attributes");
        relation.put("ended", false);
        relation.put("source-credit", "");
        relation.put("target-credit", "");
        relation.putObject("url")
                .put("id", SourceData.uuid("musicbrainz:url", resource))
                .put("resource", resource);
    }

    /**
     * {@code /isrc/{isrc}}: the recordings carrying it; with {@code inc=artists} (or {@code
     * artist-credits}) each lists its {@code artist-credit}, whose artists include those
     * MusicBrainz does not link to Spotify.
     */
    private Reply isrc(String isrc, List<String> inc) {
        if (!ISRC.matcher(isrc).matches()) {
            return error(400, "Invalid isrc.");
        }
        List<CatalogTrack> tracks = byIsrc.get(isrc);
        if (tracks == null) {
            return error(404, "Not Found");
        }
        boolean credits = inc.contains("artists") || inc.contains("artist-credits");
        ObjectNode root = SourceData.MAPPER.createObjectNode();
        root.put("isrc", isrc);
        ArrayNode recordings = root.putArray("recordings");
        for (CatalogTrack track : tracks) {
            ObjectNode recording = recordings.addObject();
            recording.put("id", SourceData.uuid("musicbrainz:recording", track.id()));
            recording.put("title", track.name());
            recording.put("length", track.durationMs());
            recording.put("video", false);
            recording.put("disambiguation", "");
            if (credits) {
                ArrayNode credit = recording.putArray("artist-credit");
                List<CatalogArtist> artists = track.artists();
                for (int i = 0; i < artists.size(); i++) {
                    credit.addObject()
                            .put("name", artists.get(i).name())
                            .put("joinphrase", i + 1 < artists.size() ? " feat. " : "")
                            .set("artist", artistRef(artists.get(i)));
                }
            }
        }
        return Reply.json(200, root);
    }

    private static TreeMap<String, Integer> genres(CatalogArtist artist) {
        TreeMap<String, Integer> genres = new TreeMap<>();
        List<String> list = artist.genres();
        for (int i = 0; i < list.size(); i++) {
            genres.putIfAbsent(
                    SourceData.spaced(list.get(i)),
                    GENRE_VOTES[Math.min(i, GENRE_VOTES.length - 1)]);
        }
        return genres;
    }

    private static ObjectNode artistRef(CatalogArtist artist) {
        return SourceData.MAPPER
                .createObjectNode()
                .put("id", SourceData.artistMbid(artist.id()))
                .put("name", artist.name())
                .put("sort-name", artist.name())
                .put("disambiguation", "")
                .put("type", artist.name().contains(" ") ? "Person" : "Group");
    }

    /** {@code inc=genres+tags}: '+' arrives as a space, or as itself when percent-encoded. */
    private static List<String> inc(HttpUrl url) {
        String inc = url.queryParameter("inc");
        return inc == null
                ? List.of()
                : Arrays.stream(inc.toLowerCase(Locale.ROOT).split("[+ ]+")).toList();
    }

    static Reply error(int status, String message) {
        return Reply.json(
                status,
                SourceData.MAPPER.createObjectNode().put("error", message).put("help", HELP));
    }
}
