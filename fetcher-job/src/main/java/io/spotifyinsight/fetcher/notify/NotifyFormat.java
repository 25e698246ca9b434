package io.spotifyinsight.fetcher.notify;

import java.util.Locale;

/** {@code NOTIFY_FORMAT}: the shape of the POST, for the receiver at {@code NOTIFY_WEBHOOK_URL}. */
public enum NotifyFormat {
    /** Our own document: every field of the run (see {@link NotificationRequests#document}). */
    JSON,
    /** A Slack incoming webhook: {@code {"text": ...}}. */
    SLACK,
    /** A Discord webhook: {@code {"content": ...}}, at most 2,000 characters. */
    DISCORD,
    /**
     * An ntfy topic URL: the text as a plain body, with {@code Title} and {@code Priority} headers.
     */
    NTFY;

    static final String ACCEPTED = "json (the default: our document), slack, discord or ntfy";

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
