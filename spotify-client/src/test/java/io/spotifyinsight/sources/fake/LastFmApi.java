package io.spotifyinsight.sources.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spotifyinsight.spotify.fake.FakeCatalog;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogArtist;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;
import io.spotifyinsight.spotify.fake.Reply;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** Last.fm's read methods over the catalogue; faults are handled before this is called. */
final class LastFmApi {

    static final double ARTIST_MISSING = 0.10;

    private static final String IMAGE =
            "https://lastfm.freetls.fastly.net/i/u/%s/2a96cbd8b46e442fc41c2b86b821562f.png";
    private static final String[][] IMAGE_SIZES = {
        {"small", "34s"}, {"medium", "64s"}, {"large", "174s"}, {"extralarge", "300x300"}
    };

    /** Last.fm's messages for its error codes. */
    static String message(int code) {
        return switch (code) {
            case 2 -> "Invalid service - This service does not exist";
            case 3 -> "Invalid Method - No method with that name in this package";
            case 6 -> "Invalid parameters - Your request is missing a required parameter";
            case 8 ->
                    "Operation failed - Most likely the backend service failed. Please try again.";
            case 10 -> "Invalid API key - You must be granted a valid key by last.fm";
            case 11 -> "Service Offline - This service is temporarily offline. Try again later.";
            case 16 -> "There was a temporary error processing your request. Please try again";
            case 26 ->
                    "Suspended API key - Access for your account has been suspended, please"
                            + " contact Last.fm";
            case 29 -> "Rate Limit Exceeded - Your IP has made too many requests in a short period";
            default -> "Error " + code;
        };
    }

    static String errorBody(int code, String message) {
        ObjectNode body =
                SourceData.MAPPER
                        .createObjectNode()
                        .put("error", code)
                        .put("message", message == null ? message(code) : message);
        body.putArray("links");
        return Reply.text(body);
    }

    /** HTTP 200, as Last.fm sends its errors. */
    static Reply error(int code) {
        return Reply.json(200, errorBody(code, null));
    }

    private final List<LastFmArtist> artists = new ArrayList<>();
    private final Map<String, LastFmArtist> byFolded = new HashMap<>();
    private final Map<String, LastFmArtist> byLowerCase = new HashMap<>();
    private final Map<String, LastFmArtist> byMbid = new HashMap<>();
    private final Map<String, CatalogTrack> tracksByMbid = new HashMap<>();
    private final Map<LastFmArtist, List<Similar>> similar = new HashMap<>();
    private final Map<CatalogTrack, LastFmArtist> artistOfTrack = new HashMap<>();

    private record Similar(LastFmArtist artist, double match) {}

    LastFmApi(FakeCatalog catalog) {
        Map<String, List<CatalogArtist>> groups = new LinkedHashMap<>();
        for (CatalogArtist artist : catalog.artists()) {
            groups.computeIfAbsent(SourceData.fold(artist.name()), k -> new ArrayList<>())
                    .add(artist);
        }
        for (Map.Entry<String, List<CatalogArtist>> group : groups.entrySet()) {
            if (SourceData.unit("lastfm-artist", group.getKey()) < ARTIST_MISSING) {
                continue;
            }
            List<CatalogTrack> tracks = new ArrayList<>();
            for (CatalogArtist member : group.getValue()) {
                catalog.tracks().stream()
                        .filter(t -> t.artist().id().equals(member.id()))
                        .forEach(tracks::add);
            }
            LastFmArtist artist = LastFmArtist.of(group.getValue(), tracks);
            artists.add(artist);
            byFolded.put(group.getKey(), artist);
            byLowerCase.putIfAbsent(artist.name().toLowerCase(Locale.ROOT), artist);
            if (!artist.mbid().isEmpty()) {
                byMbid.put(artist.mbid(), artist);
            }
            for (CatalogTrack track : tracks) {
                artistOfTrack.put(track, artist);
                String mbid = LastFmArtist.trackMbid(track);
                if (!mbid.isEmpty()) {
                    tracksByMbid.put(mbid, track);
                }
            }
        }
    }

    boolean knowsArtist(String name) {
        return name != null && byFolded.containsKey(SourceData.fold(name));
    }

    Reply handle(RecordedRequest request, String apiKey, boolean suspended) {
        HttpUrl url = request.getUrl();
        List<String> s = url.pathSegments();
        boolean root = s.size() == 1 || (s.size() == 2 && s.get(1).isEmpty());
        if (!s.get(0).equals("2.0") || !root) {
            return new Reply(404, "Not Found", Map.of("Content-Type", "text/html"), false);
        }
        if (!"json".equals(url.queryParameter("format"))) {
            // the real service answers XML without format=json; only JSON is modelled
            return new Reply(
                    200,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"ok\">\n</lfm>\n",
                    Map.of("Content-Type", "text/xml; charset=utf-8"),
                    false);
        }
        if (!apiKey.equals(url.queryParameter("api_key"))) {
            return error(10);
        }
        if (suspended) {
            return error(26);
        }
        String method = url.queryParameter("method");
        if (method == null || method.isBlank()) {
            return error(6);
        }
        boolean autocorrect = "1".equals(url.queryParameter("autocorrect"));
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "artist.getsimilar" -> artistGetSimilar(url, autocorrect);
            case "artist.gettoptags" -> artistGetTopTags(url, autocorrect);
            case "tag.gettoptracks" -> tagGetTopTracks(url);
            case "track.getsimilar" -> trackGetSimilar(url, autocorrect);
            default -> error(3);
        };
    }

    // ---- methods

    private Reply artistGetSimilar(HttpUrl url, boolean autocorrect) {
        LastFmArtist artist = find(url, autocorrect);
        if (artist == null) {
            return notFound(url);
        }
        int limit = limit(url, 30);
        ArrayNode list = SourceData.MAPPER.createArrayNode();
        for (Similar other : similarTo(artist).stream().limit(limit).toList()) {
            ObjectNode node = list.addObject();
            node.put("name", other.artist().name());
            node.put("mbid", other.artist().mbid());
            node.put("match", matchString(other.match()));
            node.put("url", other.artist().url());
            node.set("image", images());
            node.put("streamable", "0");
        }
        return answer("similarartists", "artist", list, attr("artist", artist.name()));
    }

    private Reply artistGetTopTags(HttpUrl url, boolean autocorrect) {
        LastFmArtist artist = find(url, autocorrect);
        if (artist == null) {
            return notFound(url);
        }
        ArrayNode list = SourceData.MAPPER.createArrayNode();
        artist.tags().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(
                        tag ->
                                list.addObject()
                                        .put("count", tag.getValue())
                                        .put("name", tag.getKey())
                                        .put(
                                                "url",
                                                "https://www.last.fm/tag/"
                                                        + LastFmArtist.encode(tag.getKey())));
        return answer("toptags", "tag", list, attr("artist", artist.name()));
    }

    private Reply tagGetTopTracks(HttpUrl url) {
        String tag = url.queryParameter("tag");
        if (tag == null || tag.isBlank()) {
            return error(6);
        }
        String folded = SourceData.fold(tag);
        List<CatalogTrack> tracks = new ArrayList<>();
        for (LastFmArtist artist : artists) {
            if (artist.tags().keySet().stream().anyMatch(t -> SourceData.fold(t).equals(folded))) {
                tracks.addAll(artist.tracks());
            }
        }
        tracks.sort(
                Comparator.comparingInt(CatalogTrack::popularity)
                        .reversed()
                        .thenComparing(CatalogTrack::id));
        int limit = limit(url, 50);
        Integer page = SourceData.intParam(url.queryParameter("page"), 1);
        if (page == null || page < 1) {
            page = 1;
        }
        ArrayNode list = SourceData.MAPPER.createArrayNode();
        int from = (page - 1) * limit;
        for (int i = from; i < Math.min(tracks.size(), from + limit); i++) {
            CatalogTrack track = tracks.get(i);
            LastFmArtist artist = artistOfTrack.get(track);
            ObjectNode node = list.addObject();
            node.put("name", track.name());
            node.put("duration", Integer.toString(duration(track)));
            node.put("mbid", LastFmArtist.trackMbid(track));
            node.put("url", artist.trackUrl(track));
            node.set(
                    "streamable",
                    SourceData.MAPPER.createObjectNode().put("#text", "0").put("fulltrack", "0"));
            node.set("artist", artistRef(artist));
            node.set("image", images());
            node.set("@attr", attr("rank", Integer.toString(i + 1)));
        }
        ObjectNode attr =
                attr("tag", tag.toLowerCase(Locale.ROOT))
                        .put("page", Integer.toString(page))
                        .put("perPage", Integer.toString(limit))
                        .put("totalPages", Integer.toString((tracks.size() + limit - 1) / limit))
                        .put("total", Integer.toString(tracks.size()));
        return answer("tracks", "track", list, attr);
    }

    private Reply trackGetSimilar(HttpUrl url, boolean autocorrect) {
        CatalogTrack track = null;
        LastFmArtist artist = null;
        String mbid = url.queryParameter("mbid");
        if (mbid != null && !mbid.isBlank()) {
            track = tracksByMbid.get(mbid);
            artist = track == null ? null : artistOfTrack.get(track);
        } else {
            String artistName = url.queryParameter("artist");
            String trackName = url.queryParameter("track");
            if (artistName == null || trackName == null) {
                return error(6);
            }
            artist = byName(artistName, autocorrect);
            if (artist != null) {
                String folded = SourceData.fold(trackName);
                track =
                        artist.tracks().stream()
                                .filter(t -> SourceData.fold(t.name()).equals(folded))
                                .findFirst()
                                .orElse(null);
            }
        }
        ArrayNode list = SourceData.MAPPER.createArrayNode();
        String attrArtist =
                artist != null ? artist.name() : String.valueOf(url.queryParameter("artist"));
        if (track != null) {
            List<Map.Entry<CatalogTrack, Double>> scored = new ArrayList<>();
            List<Similar> near = new ArrayList<>();
            near.add(new Similar(artist, 1.0));
            near.addAll(similarTo(artist).stream().limit(10).toList());
            for (Similar other : near) {
                for (CatalogTrack candidate : other.artist().tracks()) {
                    if (!candidate.equals(track)) {
                        double jitter =
                                SourceData.unit("lastfm-track-match", track.id() + candidate.id());
                        scored.add(Map.entry(candidate, other.match() * (0.5 + 0.5 * jitter)));
                    }
                }
            }
            scored.sort(
                    Map.Entry.<CatalogTrack, Double>comparingByValue()
                            .reversed()
                            .thenComparing(e -> e.getKey().id()));
            for (Map.Entry<CatalogTrack, Double> entry :
                    scored.stream().limit(limit(url, 100)).toList()) {
                CatalogTrack candidate = entry.getKey();
                LastFmArtist by = artistOfTrack.get(candidate);
                ObjectNode node = list.addObject();
                node.put("name", candidate.name());
                node.put("playcount", 1000 + candidate.popularity() * 4321);
                node.put("mbid", LastFmArtist.trackMbid(candidate));
                node.put("match", round(entry.getValue()));
                node.put("url", by.trackUrl(candidate));
                node.set(
                        "streamable",
                        SourceData.MAPPER
                                .createObjectNode()
                                .put("#text", "0")
                                .put("fulltrack", "0"));
                node.put("duration", duration(candidate));
                node.set("artist", artistRef(by));
                node.set("image", images());
            }
        }
        return answer("similartracks", "track", list, attr("artist", attrArtist));
    }

    // ---- helpers

    private List<Similar> similarTo(LastFmArtist artist) {
        synchronized (similar) {
            return similar.computeIfAbsent(artist, this::computeSimilar);
        }
    }

    /** Artists sharing genres, by the share of genres in common, with a little stable jitter. */
    private List<Similar> computeSimilar(LastFmArtist artist) {
        List<String> genres = artist.genreTags();
        List<Similar> result = new ArrayList<>();
        for (LastFmArtist other : artists) {
            if (other == artist) {
                continue;
            }
            List<String> theirs = other.genreTags();
            long shared = genres.stream().filter(theirs::contains).count();
            if (shared == 0) {
                continue;
            }
            double jitter = SourceData.unit("lastfm-match", artist.name() + "|" + other.name());
            double match =
                    (double) shared / Math.max(genres.size(), theirs.size()) * (0.7 + 0.3 * jitter);
            result.add(new Similar(other, round(match)));
        }
        result.sort(
                Comparator.comparingDouble(Similar::match)
                        .reversed()
                        .thenComparing(x -> x.artist().name()));
        return List.copyOf(result);
    }

    private LastFmArtist find(HttpUrl url, boolean autocorrect) {
        String mbid = url.queryParameter("mbid");
        if (mbid != null && !mbid.isBlank()) {
            return byMbid.get(mbid.trim());
        }
        String name = url.queryParameter("artist");
        return name == null ? null : byName(name, autocorrect);
    }

    /** Case-insensitive; with autocorrect=1 accent-insensitive too. */
    private LastFmArtist byName(String name, boolean autocorrect) {
        return autocorrect
                ? byFolded.get(SourceData.fold(name))
                : byLowerCase.get(name.trim().toLowerCase(Locale.ROOT));
    }

    private static Reply notFound(HttpUrl url) {
        if (url.queryParameter("artist") == null && url.queryParameter("mbid") == null) {
            return error(6);
        }
        return Reply.json(200, errorBody(6, "The artist you supplied could not be found"));
    }

    /** {@code {"<root>":{"<item>":[...] or the one object,"@attr":{...}}}}. */
    private static Reply answer(String root, String item, ArrayNode list, ObjectNode attr) {
        ObjectNode body = SourceData.MAPPER.createObjectNode();
        ObjectNode inner = body.putObject(root);
        JsonNode items = list.size() == 1 ? list.get(0) : list; // Last.fm's one-element quirk
        inner.set(item, items);
        inner.set("@attr", attr);
        return Reply.json(200, body);
    }

    private static ObjectNode attr(String name, String value) {
        return SourceData.MAPPER.createObjectNode().put(name, value);
    }

    private static ObjectNode artistRef(LastFmArtist artist) {
        return SourceData.MAPPER
                .createObjectNode()
                .put("name", artist.name())
                .put("mbid", artist.mbid())
                .put("url", artist.url());
    }

    private static ArrayNode images() {
        ArrayNode images = SourceData.MAPPER.createArrayNode();
        for (String[] size : IMAGE_SIZES) {
            images.addObject().put("#text", IMAGE.formatted(size[1])).put("size", size[0]);
        }
        return images;
    }

    /** Seconds; Last.fm has no duration (0) for about one track in ten. */
    private static int duration(CatalogTrack track) {
        return SourceData.unit("lastfm-duration", track.id()) < 0.1 ? 0 : track.durationMs() / 1000;
    }

    private static int limit(HttpUrl url, int fallback) {
        Integer limit = SourceData.intParam(url.queryParameter("limit"), fallback);
        return limit == null || limit < 1 ? fallback : Math.min(limit, 1000);
    }

    private static double round(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }

    /** As Last.fm writes artist matches: {@code "1"}, {@code "0.873512"}. */
    static String matchString(double match) {
        return BigDecimal.valueOf(match)
                .setScale(6, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
