package io.spotifyinsight.fetcher.report;

import io.spotifyinsight.config.EnvReader;
import okhttp3.HttpUrl;

/**
 * Keeps a URL that may hold a token (a Slack or Discord webhook path, an ntfy topic, basic-auth
 * credentials) out of messages: exception texts can quote the URL or its path.
 */
public final class Redaction {
    private Redaction() {}

    /**
     * The URL in the variable {@code name}; null when it is unset, or when it is not an absolute
     * http(s) URL, which is recorded in {@code env} without the value, since it may hold {@code
     * secret}.
     *
     * @param expected what to give instead, such as "the Pushgateway's base URL, such as ..."
     */
    public static HttpUrl readUrl(EnvReader env, String name, String secret, String expected) {
        String raw = env.text(name);
        if (raw == null) {
            return null;
        }
        HttpUrl url = HttpUrl.parse(raw);
        if (url == null) {
            env.problem(
                    name
                            + " is not an absolute http:// or https:// URL (its value is not shown:"
                            + " it may hold "
                            + secret
                            + "); expected "
                            + expected);
        }
        return url;
    }

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
