package io.spotifyinsight.fetcher.report;

import okhttp3.HttpUrl;

/**
 * Keeps a URL that may hold a token (a Slack or Discord webhook path, an ntfy topic, basic-auth
 * credentials) out of messages: exception texts can quote the URL or its path.
 */
public final class Redaction {
    private Redaction() {}

    /**
     * {@code message} with the URL, its path and query and its credentials replaced by {@code
     * name}.
     */
    public static String scrub(String message, HttpUrl url, String name) {
        if (message == null || url == null) {
            return message;
        }
        String placeholder = "<" + name + ">";
        String scrubbed = message.replace(url.toString(), placeholder);
        String pathAndQuery =
                url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
        if (pathAndQuery.length() > 1) {
            scrubbed = scrubbed.replace(pathAndQuery, placeholder);
        }
        for (String secret :
                new String[] {url.encodedPassword(), url.password(), url.encodedUsername()}) {
            if (secret.length() > 2) {
                scrubbed = scrubbed.replace(secret, "***");
            }
        }
        return scrubbed;
    }
}
