package io.spotifyinsight.sources.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spotifyinsight.spotify.fake.FakeCatalog;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogArtist;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;
import io.spotifyinsight.spotify.fake.Reply;
import io.spotifyinsight.spotify.fake.ReplyServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/** ReccoBeats' endpoints over the catalogue; faults are handled before this is called. */
final class ReccoBeatsApi {

    private static final Pattern UUID =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final double ARTIST_MISSING = 0.05;
    private static final double TRACK_MISSING = 0.10;
    private static final double NO_HREF = 1 / 30.0;
    private static final double NUMBERS_AS_STRINGS = 0.10;

    /** Feature targets a recommendation request may set, with their ranges. */
    private static final Map<String, double[]> TARGETS = new LinkedHashMap<>();

    static {
        for (String name : AudioFeatures.UNIT_NAMES) {
            TARGETS.put(name, new double[] {0, 1});
        }
        TARGETS.put("key", new double[] {-1, 11});
        TARGETS.put("loudness", new double[] {-60, 2});
        TARGETS.put("mode", new double[] {0, 1});
        TARGETS.put("tempo", new double[] {0, 250});
        TARGETS.put("popularity", new double[] {0, 100});
    }

    private final FakeReccoBeats.UnknownSeed unknownSeed;
    private final List<CatalogTrack> known = new ArrayList<>();
    private final Map<String, CatalogTrack> tracks = new HashMap<>(); // Spotify id and UUID
    private final Map<String, CatalogArtist> artists = new HashMap<>(); // Spotify id and UUID
    private final Map<String, List<CatalogTrack>> tracksOfArtist = new HashMap<>();
    private final Map<String, AudioFeatures> features = new HashMap<>();

    ReccoBeatsApi(FakeCatalog catalog, FakeReccoBeats.UnknownSeed unknownSeed) {
        this.unknownSeed = unknownSeed;
        for (CatalogTrack track : catalog.tracks()) {
            boolean artistKnown =
                    SourceData.unit("reccobeats-artist", track.artist().id()) >= ARTIST_MISSING;
            if (!artistKnown || SourceData.unit("reccobeats-track", track.id()) < TRACK_MISSING) {
                continue;
            }
            known.add(track);
            tracks.put(track.id(), track);
            tracks.put(trackUuidOf(track.id()), track);
            features.put(track.id(), AudioFeatures.of(track));
            for (CatalogArtist artist : track.artists()) {
                artists.put(artist.id(), artist);
                artists.put(artistUuidOf(artist.id()), artist);
                tracksOfArtist.computeIfAbsent(artist.id(), k -> new ArrayList<>()).add(track);
            }
        }
    }

    boolean knowsTrack(String spotifyTrackId) {
        return spotifyTrackId != null && features.containsKey(spotifyTrackId);
    }

    boolean knowsArtist(String spotifyArtistId) {
        return spotifyArtistId != null && tracksOfArtist.containsKey(spotifyArtistId);
    }

    String trackUuid(String spotifyTrackId) {
        return knowsTrack(spotifyTrackId) ? trackUuidOf(spotifyTrackId) : null;
    }

    String artistUuid(String spotifyArtistId) {
        return knowsArtist(spotifyArtistId) ? artistUuidOf(spotifyArtistId) : null;
    }

    private static String trackUuidOf(String spotifyId) {
        return SourceData.uuid("reccobeats:track", spotifyId);
    }

    private static String artistUuidOf(String spotifyId) {
        return SourceData.uuid("reccobeats:artist", spotifyId);
    }

    Reply handle(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String path = "/" + String.join("/", url.pathSegments());
        if (!request.getMethod().equals("GET")) {
            return error(
                    405, "Request method '" + request.getMethod() + "' is not supported", path);
        }
        List<String> s = url.pathSegments();
        if (s.size() < 2 || !s.get(0).equals("v1")) {
            return error(404, "No static resource " + path.substring(1) + ".", path);
        }
        String first = s.get(1);
        if (first.equals("track") && s.size() == 3 && s.get(2).equals("recommendation")) {
            return recommendation(url, path);
        }
        if (first.equals("track") && s.size() == 2) {
            return lookup(url, path, this::track);
        }
        if (first.equals("track") && s.size() == 3) {
            CatalogTrack track = UUID.matcher(s.get(2)).matches() ? tracks.get(s.get(2)) : null;
            return track == null
                    ? error(404, "Track not found", path)
                    : Reply.json(200, track(track));
        }
        if (first.equals("audio-features") && s.size() == 2) {
            return lookup(url, path, this::audioFeatures);
        }
        if (first.equals("artist") && s.size() == 2) {
            return lookup(url, path, this::artist);
        }
        if (first.equals("artist") && s.size() == 4 && s.get(3).equals("track")) {
            return artistTracks(s.get(2), url, path);
        }
        return error(404, "No static resource " + path.substring(1) + ".", path);
    }

    // ---- recommendation

    private Reply recommendation(HttpUrl url, String path) {
        Integer size = SourceData.intParam(url.queryParameter("size"), -1);
        if (size == null || size < 1 || size > 100) {
            return error(400, "size: must be between 1 and 100", path);
        }
        List<String> seeds = ids(url, "seeds");
        if (seeds.size() < 1 || seeds.size() > 5) {
            return error(400, "seeds: size must be between 1 and 5", path);
        }
        List<String> negative = ids(url, "negativeSeeds");
        if (url.queryParameter("negativeSeeds") != null
                && (negative.size() < 1 || negative.size() > 5)) {
            return error(400, "negativeSeeds: size must be between 1 and 5", path);
        }
        Map<String, Double> targets = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> target : TARGETS.entrySet()) {
            String value = url.queryParameter(target.getKey());
            if (value == null) {
                continue;
            }
            Double parsed = parseDouble(value);
            double[] range = target.getValue();
            if (parsed == null || parsed < range[0] || parsed > range[1]) {
                return error(
                        400,
                        target.getKey()
                                + ": must be between "
                                + num(range[0])
                                + " and "
                                + num(range[1]),
                        path);
            }
            targets.put(target.getKey(), parsed);
        }
        Integer weight = SourceData.intParam(url.queryParameter("featureWeight"), 1);
        if (weight == null || weight < 1 || weight > 5) {
            return error(400, "featureWeight: must be between 1 and 5", path);
        }
        List<CatalogTrack> seedTracks = new ArrayList<>();
        for (String seed : seeds) {
            CatalogTrack track = tracks.get(seed);
            if (track != null) {
                seedTracks.add(track);
            } else if (unknownSeed == FakeReccoBeats.UnknownSeed.BAD_REQUEST) {
                return error(400, "Track not found: " + seed, path);
            }
        }
        int wanted = size * seedTracks.size() / seeds.size();
        List<CatalogTrack> result =
                seedTracks.isEmpty() || wanted == 0
                        ? List.of()
                        : nearest(seedTracks, resolve(negative), targets, weight, wanted);
        ObjectNode root = SourceData.MAPPER.createObjectNode();
        ArrayNode content = root.putArray("content");
        result.forEach(t -> content.add(track(t)));
        return Reply.json(200, root);
    }

    private List<CatalogTrack> nearest(
            List<CatalogTrack> seeds,
            List<CatalogTrack> negative,
            Map<String, Double> targets,
            int weight,
            int size) {
        double[] target = mean(seeds);
        for (int i = 0; i < AudioFeatures.UNIT_NAMES.length; i++) {
            Double value = targets.get(AudioFeatures.UNIT_NAMES[i]);
            if (value != null) {
                target[i] = (target[i] + weight * value) / (1 + weight);
            }
        }
        if (targets.containsKey("tempo")) {
            target[7] = (target[7] + weight * targets.get("tempo") / 250.0) / (1 + weight);
        }
        if (targets.containsKey("loudness")) {
            target[8] = (target[8] + weight * (targets.get("loudness") + 60) / 62.0) / (1 + weight);
        }
        double[] away = negative.isEmpty() ? null : mean(negative);
        Set<CatalogTrack> excluded = new HashSet<>(seeds);
        excluded.addAll(negative);
        Map<CatalogTrack, Double> score = new HashMap<>();
        for (CatalogTrack track : known) {
            if (excluded.contains(track)) {
                continue;
            }
            double[] v = features.get(track.id()).vector();
            double d = AudioFeatures.distance(v, target);
            if (away != null) {
                d -= 0.5 * AudioFeatures.distance(v, away);
            }
            score.put(track, d);
        }
        return score.entrySet().stream()
                .sorted(
                        Map.Entry.<CatalogTrack, Double>comparingByValue()
                                .thenComparing(e -> e.getKey().id()))
                .limit(size)
                .map(Map.Entry::getKey)
                .toList();
    }

    private double[] mean(List<CatalogTrack> of) {
        double[] sum = new double[9];
        for (CatalogTrack track : of) {
            double[] v = features.get(track.id()).vector();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i] / of.size();
            }
        }
        return sum;
    }

    private List<CatalogTrack> resolve(List<String> ids) {
        return ids.stream().map(tracks::get).filter(t -> t != null).toList();
    }

    // ---- lookups

    private interface Render {
        ObjectNode render(String id);
    }

    /** {@code ?ids=a,b} or {@code ?ids=a&ids=b}, 1..40; unknown ids are left out. */
    private Reply lookup(HttpUrl url, String path, Render render) {
        List<String> ids = ids(url, "ids");
        if (ids.isEmpty() || ids.size() > 40) {
            return error(400, "ids: size must be between 1 and 40", path);
        }
        ObjectNode root = SourceData.MAPPER.createObjectNode();
        ArrayNode content = root.putArray("content");
        for (String id : ids) {
            ObjectNode node = render.render(id);
            if (node != null) {
                content.add(node);
            }
        }
        return Reply.json(200, root);
    }

    private ObjectNode track(String id) {
        CatalogTrack track = tracks.get(id);
        return track == null ? null : track(track);
    }

    private ObjectNode artist(String id) {
        CatalogArtist artist = artists.get(id);
        return artist == null ? null : artistNode(artist);
    }

    private ObjectNode audioFeatures(String id) {
        CatalogTrack track = tracks.get(id);
        if (track == null) {
            return null;
        }
        AudioFeatures f = features.get(track.id());
        ObjectNode node =
                SourceData.MAPPER
                        .createObjectNode()
                        .put("id", trackUuidOf(track.id()))
                        .put("href", "https://open.spotify.com/track/" + track.id())
                        .put("isrc", track.isrc())
                        .put("acousticness", f.acousticness())
                        .put("danceability", f.danceability())
                        .put("energy", f.energy())
                        .put("instrumentalness", f.instrumentalness())
                        .put("key", f.key())
                        .put("liveness", f.liveness())
                        .put("loudness", f.loudness())
                        .put("mode", f.mode())
                        .put("speechiness", f.speechiness())
                        .put("tempo", f.tempo())
                        .put("valence", f.valence());
        return node;
    }

    private Reply artistTracks(String id, HttpUrl url, String path) {
        CatalogArtist artist = UUID.matcher(id).matches() ? artists.get(id) : null;
        if (artist == null) {
            return error(404, "Artist not found", path);
        }
        Integer page = SourceData.intParam(url.queryParameter("page"), 0);
        Integer size = SourceData.intParam(url.queryParameter("size"), 25);
        if (page == null || page < 0) {
            return error(400, "page: must be greater than or equal to 0", path);
        }
        if (size == null || size < 1 || size > 50) {
            return error(400, "size: must be between 1 and 50", path);
        }
        List<CatalogTrack> all = tracksOfArtist.get(artist.id());
        ObjectNode root = SourceData.MAPPER.createObjectNode();
        ArrayNode content = root.putArray("content");
        for (int i = page * size; i < Math.min(all.size(), (page + 1) * size); i++) {
            content.add(track(all.get(i)));
        }
        root.put("page", page);
        root.put("size", size);
        root.put("totalElements", all.size());
        root.put("totalPages", (all.size() + size - 1) / size);
        return Reply.json(200, root);
    }

    // ---- shapes

    /** A track as ReccoBeats sends it; some lack {@code href}, some numbers are strings. */
    private ObjectNode track(CatalogTrack track) {
        ObjectNode node = SourceData.MAPPER.createObjectNode();
        node.put("id", trackUuidOf(track.id()));
        node.put("trackTitle", track.name());
        ArrayNode artistArray = node.putArray("artists");
        track.artists().forEach(a -> artistArray.add(artistNode(a)));
        boolean strings = SourceData.unit("reccobeats-strings", track.id()) < NUMBERS_AS_STRINGS;
        if (strings) {
            node.put("durationMs", Integer.toString(track.durationMs()));
        } else {
            node.put("durationMs", track.durationMs());
        }
        node.put("isrc", track.isrc());
        node.putNull("ean");
        node.putNull("upc");
        if (SourceData.unit("reccobeats-href", track.id()) >= NO_HREF) {
            node.put("href", "https://open.spotify.com/track/" + track.id());
        }
        if (strings) {
            node.put("popularity", Integer.toString(track.popularity()));
        } else {
            node.put("popularity", track.popularity());
        }
        return node;
    }

    private static ObjectNode artistNode(CatalogArtist artist) {
        return SourceData.MAPPER
                .createObjectNode()
                .put("id", artistUuidOf(artist.id()))
                .put("name", artist.name())
                .put("href", "https://open.spotify.com/artist/" + artist.id());
    }

    /** A Spring Boot error body, as ReccoBeats' API (a Spring application) answers. */
    static Reply error(int status, String message, String path) {
        ObjectNode body =
                SourceData.MAPPER
                        .createObjectNode()
                        .put("timestamp", Instant.now().toString())
                        .put("status", status)
                        .put("error", ReplyServer.reasonPhrase(status));
        body.put("message", message == null ? ReplyServer.reasonPhrase(status) : message);
        if (path != null) {
            body.put("path", path);
        }
        return Reply.json(status, body);
    }

    /** Every value of a parameter, repeated or comma-separated, trimmed, blanks dropped. */
    private static List<String> ids(HttpUrl url, String name) {
        List<String> ids = new ArrayList<>();
        for (String value : url.queryParameterValues(name)) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    ids.add(part.trim());
                }
            }
        }
        return ids;
    }

    private static Double parseDouble(String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
