package io.spotifyinsight.spotify.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The rule for every service URL of this module (Spotify's, the recommendation sources'): https,
 * except on this machine, where the fakes of tests and the demo listen. Spotify's token request
 * carries the client secret and Last.fm's every request the key, so plain http to another host
 * would hand them to anyone on the path. URLs in messages are shown without user info or query.
 */
public final class SecureUrls {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private SecureUrls() {}

    /**
     * What is wrong with {@code url} as the value of {@code name}, or null when it is acceptable.
     */
    public static String problem(String name, String url, String example) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        if (parsed == null) {
            return name
                    + " must be an http(s) URL such as "
                    + example
                    + ", was "
                    + (url == null ? "null" : "'" + redacted(url) + "'");
        }
        if (!parsed.isHttps() && !isLoopback(parsed.host())) {
            return name
                    + " must use https unless the host is loopback (127.0.0.0/8, ::1, localhost),"
                    + " was http://"
                    + parsed.host();
        }
        return null;
    }

    /** Whether {@code host} (as {@link HttpUrl#host()} gives it) is this machine. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches()) {
            return true;
        }
        if (h.contains(":")) { // IPv6 literal, e.g. ::1 or 0:0:0:0:0:0:0:1
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** The URL without what may be secret: user info and query. */
    public static String redacted(String url) {
        String withoutQuery =
                url.indexOf('?') < 0 ? url : url.substring(0, url.indexOf('?')) + "?...";
        return withoutQuery.replaceAll("(?<=//)[^/?#]*@", "***@");
    }
}
