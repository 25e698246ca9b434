package io.spotifyinsight.sources.internal;

import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Spotify ids from the links sources give ({@code https://open.spotify.com/track/<id>?si=..}). */
public final class SpotifyLinks {

    private static final Pattern BASE62 = Pattern.compile("^[0-9A-Za-z]+$");
    private static final int SPOTIFY_ID_LENGTH = 22;

    private SpotifyLinks() {}

    /**
     * The last path segment of an http(s) link (query and fragment ignored), or the last part of a
     * {@code spotify:type:id} URI; null when there is none or it is not base62.
     */
    public static String idOf(String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String value = href.strip();
        String id;
        if (value.startsWith("spotify:")) {
            id = value.substring(value.lastIndexOf(':') + 1);
        } else {
            HttpUrl url = HttpUrl.parse(value);
            if (url == null) {
                return null;
            }
            List<String> segments = url.pathSegments();
            id = "";
            for (int i = segments.size() - 1; i >= 0 && id.isEmpty(); i--) {
                id = segments.get(i); // a trailing slash leaves an empty last segment
            }
        }
        return BASE62.matcher(id).matches() ? id : null;
    }

    /**
     * The artist id of an {@code https://open.spotify.com/artist/<id>} link (a localised {@code
     * /intl-xx/artist/<id>} too); null for any other link, such as another service's page, whose
     * last segment may look like an id as well, and for an id that is not 22 letters and digits.
     */
    public static String artistIdOf(String href) {
        HttpUrl url = href == null ? null : HttpUrl.parse(href.strip());
        if (url == null || !url.host().equalsIgnoreCase("open.spotify.com")) {
            return null;
        }
        List<String> segments = url.pathSegments();
        int artist = segments.indexOf("artist");
        if (artist < 0 || artist + 1 >= segments.size()) {
            return null;
        }
        String id = segments.get(artist + 1);
        // only a well-formed id: it is handed on to other services' id lists, which check it
        return id.length() == SPOTIFY_ID_LENGTH && BASE62.matcher(id).matches() ? id : null;
    }
}
