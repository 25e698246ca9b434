package io.spotifyinsight.spotify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.spotify.model.Album;
import io.spotifyinsight.spotify.model.Artist;
import io.spotifyinsight.spotify.model.ArtistRef;
import io.spotifyinsight.spotify.model.SearchPage;
import io.spotifyinsight.spotify.model.Track;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps Spotify's JSON to our records. Reads only the fields we keep and requires only those we
 * cannot do without, so the fields Spotify drops for development-mode apps (popularity,
 * available_markets, ...) never matter.
 */
public final class ModelDecoder {

    private static final String OPEN_SPOTIFY = "https://open.spotify.com/";

    private ModelDecoder() {}

    public static List<Track> tracks(JsonNode root, String source) {
        JsonReader in = new JsonReader(source);
        return trackList(in, in.array(root, "tracks", "$"), "tracks");
    }

    public static List<String> genres(JsonNode root, String source) {
        JsonReader in = new JsonReader(source);
        JsonNode array = in.array(root, "genres", "$");
        List<String> genres = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode genre = array.get(i);
            if (!genre.isTextual()) {
                // reuse the reader's wording for a mistyped element
                in.text(array, Integer.toString(i), "genres");
            }
            genres.add(genre.asText());
        }
        return List.copyOf(genres);
    }

    public static SearchPage searchPage(JsonNode root, String source) {
        JsonReader in = new JsonReader(source);
        JsonNode paging = in.object(root, "tracks", "$");
        List<Track> items = trackList(in, in.array(paging, "items", "tracks"), "tracks.items");
        return new SearchPage(
                items,
                in.integer(paging, "limit", "tracks"),
                in.integer(paging, "offset", "tracks"),
                in.integer(paging, "total", "tracks"),
                in.optionalText(paging, "next", "tracks") != null);
    }

    public static Artist artist(JsonNode root, String source) {
        JsonReader in = new JsonReader(source);
        List<String> genres = new ArrayList<>();
        JsonNode array = root.get("genres");
        if (array != null && !array.isNull()) {
            array = in.array(root, "genres", "$");
            for (JsonNode genre : array) {
                if (genre.isTextual()) {
                    genres.add(genre.asText());
                }
            }
        }
        return new Artist(in.text(root, "id", "$"), in.text(root, "name", "$"), genres);
    }

    public static Track track(JsonNode root, String source) {
        return track(new JsonReader(source), root, "$");
    }

    private static List<Track> trackList(JsonReader in, JsonNode array, String path) {
        List<Track> tracks = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item == null || item.isNull()) {
                continue; // Spotify pads some lists with null for unavailable items
            }
            tracks.add(track(in, in.element(array, i, path), path + "[" + i + "]"));
        }
        return tracks;
    }

    private static Track track(JsonReader in, JsonNode node, String path) {
        String id = in.text(node, "id", path);
        String uri = in.optionalText(node, "uri", path);
        String url = in.nestedText(node, "external_urls", "spotify", path);
        return new Track(
                id,
                in.text(node, "name", path),
                uri != null ? uri : "spotify:track:" + id,
                url != null ? url : OPEN_SPOTIFY + "track/" + id,
                in.integer(node, "duration_ms", path),
                in.bool(node, "explicit", path, false),
                album(in, in.object(node, "album", path), path + ".album"),
                artists(in, in.array(node, "artists", path), path + ".artists"),
                in.nestedText(node, "external_ids", "isrc", path));
    }

    private static Album album(JsonReader in, JsonNode node, String path) {
        return new Album(
                in.optionalText(node, "id", path),
                in.text(node, "name", path),
                in.optionalText(node, "release_date", path),
                in.optionalText(node, "release_date_precision", path),
                largestImage(in, node, path));
    }

    /** Spotify lists images largest first, but we do not rely on the order. */
    private static String largestImage(JsonReader in, JsonNode album, String path) {
        JsonNode images = album.get("images");
        if (images == null || images.isNull()) {
            return null;
        }
        images = in.array(album, "images", path);
        String best = null;
        long bestArea = -1;
        for (int i = 0; i < images.size(); i++) {
            JsonNode image = in.element(images, i, path + ".images");
            String url = in.text(image, "url", path + ".images[" + i + "]");
            long area = (long) image.path("width").asInt(0) * image.path("height").asInt(0);
            if (area > bestArea) {
                best = url;
                bestArea = area;
            }
        }
        return best;
    }

    private static List<ArtistRef> artists(JsonReader in, JsonNode array, String path) {
        List<ArtistRef> artists = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode artist = in.element(array, i, path);
            artists.add(
                    new ArtistRef(
                            in.text(artist, "id", path + "[" + i + "]"),
                            in.text(artist, "name", path + "[" + i + "]")));
        }
        return artists;
    }
}
