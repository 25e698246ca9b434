package io.spotifyinsight.spotify.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The Web API endpoints the client uses, answering as Spotify does in the current mode, including
 * its validation errors. Authentication and faults are handled before this is called.
 */
final class FakeApi {

    private static final Pattern ID = Pattern.compile("^[0-9A-Za-z]{22}$");
    private static final Pattern MARKET = Pattern.compile("^[A-Z]{2}$");

    private final FakeCatalog catalog;
    private final FakeSearch search;
    private final String apiUrl;

    FakeApi(FakeCatalog catalog, String apiUrl) {
        this.catalog = catalog;
        this.search = new FakeSearch(catalog);
        this.apiUrl = apiUrl;
    }

    Reply handle(
            String method,
            HttpUrl url,
            FakeSpotify.Mode mode,
            int unavailableStatus,
            boolean emptyArtistGenres) {
        try {
            return route(method, url, mode, unavailableStatus, emptyArtistGenres);
        } catch (BadRequest e) {
            return badRequest(e.getMessage());
        }
    }

    private Reply route(
            String method,
            HttpUrl url,
            FakeSpotify.Mode mode,
            int unavailableStatus,
            boolean emptyArtistGenres) {
        if (!method.equals("GET")) {
            return Reply.json(405, FakeJson.error(405, "Method not allowed"));
        }
        boolean dev = mode == FakeSpotify.Mode.DEVELOPMENT;
        FakeJson json = new FakeJson(apiUrl, dev, emptyArtistGenres);
        List<String> segments = url.pathSegments(); // ["v1", ...]
        String first = segments.size() > 1 ? segments.get(1) : "";
        if (first.equals("recommendations")) {
            if (dev) {
                return unavailableStatus == 403
                        ? Reply.json(403, FakeJson.error(403, null))
                        : Reply.empty(404);
            }
            if (segments.size() == 2) {
                return recommendations(url, json);
            }
            if (segments.size() == 3 && segments.get(2).equals("available-genre-seeds")) {
                ArrayNode genres = FakeJson.MAPPER.createArrayNode();
                catalog.genres().forEach(genres::add);
                ObjectNode root = FakeJson.object();
                root.set("genres", genres);
                return Reply.json(200, root);
            }
        }
        if (first.equals("search") && segments.size() == 2) {
            return search(url, json, dev);
        }
        if (first.equals("artists") && segments.size() == 3) {
            String id = segments.get(2);
            if (!ID.matcher(id).matches()) {
                return badRequest("invalid id");
            }
            return catalog.artist(id)
                    .map(a -> Reply.json(200, json.artist(a)))
                    .orElseGet(() -> Reply.json(404, FakeJson.error(404, "non existing id")));
        }
        if (first.equals("tracks") && segments.size() == 3) {
            String id = segments.get(2);
            if (!ID.matcher(id).matches()) {
                return badRequest("invalid id");
            }
            String market = market(url);
            return catalog.track(id)
                    .map(t -> Reply.json(200, json.track(t, market, false)))
                    .orElseGet(() -> Reply.json(404, FakeJson.error(404, "non existing id")));
        }
        if ((first.equals("artists") || first.equals("tracks")) && segments.size() == 2 && dev) {
            // the "Get Several" endpoints are gone for development-mode apps since February 2026
            return Reply.json(403, FakeJson.error(403, null));
        }
        return Reply.json(404, FakeJson.error(404, "Service not found"));
    }

    private Reply recommendations(HttpUrl url, FakeJson json) {
        List<String> artists = csv(url.queryParameter("seed_artists"));
        List<String> genres = csv(url.queryParameter("seed_genres"));
        List<String> tracks = csv(url.queryParameter("seed_tracks"));
        int seeds = artists.size() + genres.size() + tracks.size();
        boolean idsOk =
                artists.stream().allMatch(id -> ID.matcher(id).matches())
                        && tracks.stream().allMatch(id -> ID.matcher(id).matches());
        if (seeds < 1 || seeds > 5 || !idsOk) {
            return badRequest("invalid request");
        }
        int limit = intParam(url, "limit", 20, 1, 100, "Invalid limit");
        String market = market(url);
        FakeRecommender.Result result =
                FakeRecommender.recommend(catalog, artists, genres, tracks, limit, market);
        ObjectNode root = FakeJson.object();
        ArrayNode items = root.putArray("tracks");
        result.tracks().forEach(t -> items.add(json.track(t, market, true)));
        ArrayNode seedList = root.putArray("seeds");
        addSeeds(seedList, artists, "ARTIST", "artists", result);
        addSeeds(seedList, tracks, "TRACK", "tracks", result);
        addSeeds(seedList, genres, "GENRE", null, result);
        return Reply.json(200, root);
    }

    private void addSeeds(
            ArrayNode seeds,
            List<String> ids,
            String type,
            String path,
            FakeRecommender.Result result) {
        for (String id : ids) {
            ObjectNode seed =
                    seeds.addObject()
                            .put("initialPoolSize", result.poolSize())
                            .put("afterFilteringSize", result.tracks().size())
                            .put("afterRelinkingSize", result.tracks().size())
                            .put("id", id)
                            .put("type", type);
            if (path == null) {
                seed.putNull("href");
            } else {
                seed.put("href", apiUrl + "/" + path + "/" + id);
            }
        }
    }

    private Reply search(HttpUrl url, FakeJson json, boolean dev) {
        String q = url.queryParameter("q");
        if (q == null || q.isBlank()) {
            return badRequest("No search query");
        }
        String type = url.queryParameter("type");
        if (type == null || type.isBlank()) {
            return badRequest("Missing parameter type");
        }
        int limit = intParam(url, "limit", dev ? 5 : 20, 0, dev ? 10 : 50, "Invalid limit");
        int offset = intParam(url, "offset", 0, 0, 1000, "Invalid offset");
        String market = market(url);
        ObjectNode root = FakeJson.object();
        if (Arrays.asList(type.split(",")).contains("track")) {
            List<CatalogTrack> found = search.search(q, market);
            int total = found.size();
            ObjectNode paging = root.putObject("tracks");
            paging.put("href", pageUrl(q, type, market, limit, offset));
            ArrayNode items = paging.putArray("items");
            for (int i = offset; i < Math.min(total, offset + limit); i++) {
                items.add(json.track(found.get(i), market, false));
            }
            paging.put("limit", limit);
            boolean hasNext = offset + limit < total && offset + limit <= 1000;
            if (hasNext) {
                paging.put("next", pageUrl(q, type, market, limit, offset + limit));
            } else {
                paging.putNull("next");
            }
            paging.put("offset", offset);
            if (offset > 0) {
                paging.put(
                        "previous", pageUrl(q, type, market, limit, Math.max(0, offset - limit)));
            } else {
                paging.putNull("previous");
            }
            paging.put("total", total);
        }
        return Reply.json(200, root);
    }

    private String pageUrl(String q, String type, String market, int limit, int offset) {
        HttpUrl.Builder url =
                HttpUrl.get(apiUrl)
                        .newBuilder()
                        .addPathSegment("search")
                        .addQueryParameter("query", q)
                        .addQueryParameter("type", type)
                        .addQueryParameter("offset", Integer.toString(offset))
                        .addQueryParameter("limit", Integer.toString(limit));
        if (market != null) {
            url.addQueryParameter("market", market);
        }
        return url.build().toString();
    }

    private static List<String> csv(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The parameter, {@code fallback} when absent.
     *
     * @throws BadRequest with {@code problem} when it is not a number from min to max
     */
    private static int intParam(
            HttpUrl url, String name, int fallback, int min, int max, String problem) {
        String value = url.queryParameter(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequest(problem);
    }

    /**
     * The {@code market} parameter, null when absent.
     *
     * @throws BadRequest unless it is two upper-case letters
     */
    private static String market(HttpUrl url) {
        String market = url.queryParameter("market");
        if (market != null && !MARKET.matcher(market).matches()) {
            throw new BadRequest("Invalid market code");
        }
        return market;
    }

    /** 400 in the Web API's error shape. */
    private static Reply badRequest(String message) {
        return Reply.json(400, FakeJson.error(400, message));
    }

    /** A parameter Spotify rejects: {@link #handle} answers 400 with this message. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
