package io.spotifyinsight.spotify.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogAlbum;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogArtist;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;
import java.util.List;
import java.util.Locale;

/**
 * Renders catalogue entries the way Spotify does: full track objects with album, images
 * (640/300/64, largest first) and links. In development mode the fields Spotify removed in February
 * 2026 (popularity, available_markets, followers) are left out.
 */
final class FakeJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final String apiUrl;
    private final boolean developmentMode;
    private final boolean emptyArtistGenres;

    FakeJson(String apiUrl, boolean developmentMode) {
        this(apiUrl, developmentMode, false);
    }

    FakeJson(String apiUrl, boolean developmentMode, boolean emptyArtistGenres) {
        this.apiUrl = apiUrl;
        this.developmentMode = developmentMode;
        this.emptyArtistGenres = emptyArtistGenres;
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Web API error shape; {@code message} null leaves it out, as Spotify sometimes does. */
    static String error(int status, String message) {
        ObjectNode error = object().put("status", status);
        if (message != null) {
            error.put("message", message);
        }
        ObjectNode root = object();
        root.set("error", error);
        return Reply.text(root);
    }

    /** Accounts service (OAuth) error shape. */
    static String oauthError(String code, String description) {
        return Reply.text(object().put("error", code).put("error_description", description));
    }

    ObjectNode track(CatalogTrack track, String market, boolean upperCaseAlbumType) {
        ObjectNode node = object();
        node.set("album", album(track.album(), upperCaseAlbumType));
        node.set("artists", artistRefs(track.artists()));
        if (market == null && !developmentMode) {
            node.set("available_markets", strings(track.markets()));
        }
        node.put("disc_number", 1);
        node.put("duration_ms", track.durationMs());
        node.put("explicit", track.explicit());
        node.set("external_ids", object().put("isrc", track.isrc()));
        node.set(
                "external_urls",
                object().put("spotify", "https://open.spotify.com/track/" + track.id()));
        node.put("href", apiUrl + "/tracks/" + track.id());
        node.put("id", track.id());
        if (market != null) {
            node.put("is_playable", track.markets().contains(market));
        }
        node.put("is_local", false);
        node.put("name", track.name());
        if (!developmentMode) {
            node.put("popularity", track.popularity());
        }
        node.putNull("preview_url");
        node.put("track_number", track.trackNumber());
        node.put("type", "track");
        node.put("uri", "spotify:track:" + track.id());
        return node;
    }

    ObjectNode album(CatalogAlbum album, boolean upperCaseType) {
        ObjectNode node = object();
        node.put(
                "album_type",
                upperCaseType ? album.albumType().toUpperCase(Locale.ROOT) : album.albumType());
        node.set("artists", artistRefs(album.artists()));
        node.set(
                "external_urls",
                object().put("spotify", "https://open.spotify.com/album/" + album.id()));
        node.put("href", apiUrl + "/albums/" + album.id());
        node.put("id", album.id());
        node.set("images", images("ab67616d", album.id(), 640, 300, 64));
        node.put("name", album.name());
        node.put("release_date", album.releaseDate());
        node.put("release_date_precision", album.releaseDatePrecision());
        node.put("total_tracks", album.totalTracks());
        node.put("type", "album");
        node.put("uri", "spotify:album:" + album.id());
        return node;
    }

    /** Square images in Spotify's sizes for the kind, each URL unique to the id. */
    private static ArrayNode images(String kindPrefix, String id, int... sizes) {
        ArrayNode images = MAPPER.createArrayNode();
        for (int size : sizes) {
            images.addObject()
                    .put("url", "https://i.scdn.co/image/" + kindPrefix + size + id)
                    .put("width", size)
                    .put("height", size);
        }
        return images;
    }

    ObjectNode artist(CatalogArtist artist) {
        ObjectNode node = object();
        node.set(
                "external_urls",
                object().put("spotify", "https://open.spotify.com/artist/" + artist.id()));
        if (!developmentMode) {
            node.set("followers", object().putNull("href").put("total", artist.followers()));
        }
        node.set("genres", strings(emptyArtistGenres ? List.of() : artist.genres()));
        node.put("href", apiUrl + "/artists/" + artist.id());
        node.put("id", artist.id());
        node.set("images", images("ab6761610000", artist.id(), 640, 320, 160));
        node.put("name", artist.name());
        if (!developmentMode) {
            node.put("popularity", artist.popularity());
        }
        node.put("type", "artist");
        node.put("uri", "spotify:artist:" + artist.id());
        return node;
    }

    private ArrayNode artistRefs(List<CatalogArtist> artists) {
        ArrayNode array = MAPPER.createArrayNode();
        for (CatalogArtist artist : artists) {
            array.addObject()
                    .<ObjectNode>set(
                            "external_urls",
                            object().put(
                                            "spotify",
                                            "https://open.spotify.com/artist/" + artist.id()))
                    .put("href", apiUrl + "/artists/" + artist.id())
                    .put("id", artist.id())
                    .put("name", artist.name())
                    .put("type", "artist")
                    .put("uri", "spotify:artist:" + artist.id());
        }
        return array;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
