package io.spotifyinsight.web.page;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Cover images come from Spotify's CDN. The pages' Content-Security-Policy allows images from there
 * and from ourselves only, so any other URL stored for an album (a source's oddity, or a tampered
 * row) is dropped here and the placeholder shown, rather than left for the browser to refuse.
 */
final class Covers {
    /** The host Spotify serves album art from (i.scdn.co/image/...). */
    static final String CDN_HOST = "i.scdn.co";

    static final String CDN_ORIGIN = "https://" + CDN_HOST;

    private Covers() {}

    static String safe(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme()) && CDN_HOST.equals(uri.getHost()) ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
