package io.spotifyinsight.sources.internal;

import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Keeps API keys out of messages and logs. Pure helper: messages show a URL without its query;
 * DEBUG logs may show the query, with {@code api_key} masked.
 */
public final class Redaction {

    private static final Pattern API_KEY = Pattern.compile("(?i)(api_key=)[^&\\s\"'#]*");

    private Redaction() {}

    /**
     * {@code text} with every {@code api_key=...} masked and, when {@code secret} is non-blank,
     * every literal occurrence of it too (a server may echo the key in an error message).
     */
    public static String redact(String text, String secret) {
        if (text == null) {
            return null;
        }
        String masked = API_KEY.matcher(text).replaceAll("$1***");
        if (secret != null && !secret.isBlank()) {
            masked = masked.replace(secret, "***");
        }
        return masked;
    }

    /** Scheme, host, port and path: what a message may say about a URL. */
    public static String withoutQuery(HttpUrl url) {
        return url.newBuilder()
                .query(null)
                .fragment(null)
                .username("")
                .password("")
                .build()
                .toString();
    }

    /** The whole URL with {@code api_key} masked, for DEBUG logs. */
    public static String forLog(HttpUrl url) {
        HttpUrl.Builder masked = url.newBuilder().username("").password("");
        if (url.queryParameter("api_key") != null) {
            masked.setQueryParameter("api_key", "***");
        }
        return masked.build().toString();
    }
}
