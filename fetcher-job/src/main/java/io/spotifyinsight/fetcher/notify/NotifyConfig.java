package io.spotifyinsight.fetcher.notify;

import io.spotifyinsight.fetcher.FetcherConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The run notifications' settings, parsed once at start-up; every problem reported at once, naming
 * its variable. The webhook URL often holds a token (Slack and Discord put it in the path), so no
 * message and no {@code toString} ever shows it.
 *
 * <ul>
 *   <li>{@code NOTIFY_WEBHOOK_URL}: where to POST; unset = no notifications;
 *   <li>{@code NOTIFY_ON}: {@value NotifyOn#ACCEPTED};
 *   <li>{@code NOTIFY_FORMAT}: {@value NotifyFormat#ACCEPTED}.
 * </ul>
 *
 * @param webhook null when notifications are off
 */
public record NotifyConfig(HttpUrl webhook, NotifyOn on, NotifyFormat format) {
    public static final NotifyConfig OFF = new NotifyConfig(null, NotifyOn.FAILURE, NotifyFormat.JSON);

    public NotifyConfig {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(format, "format");
    }

    /** The URL when notifications are to be sent at all. */
    public Optional<HttpUrl> target() {
        return webhook == null || on == NotifyOn.NEVER ? Optional.empty() : Optional.of(webhook);
    }

    public static NotifyConfig fromEnv(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        HttpUrl webhook = null;
        String rawUrl = value(env, "NOTIFY_WEBHOOK_URL");
        if (rawUrl != null) {
            webhook = HttpUrl.parse(rawUrl);
            if (webhook == null) {
                // the value is not repeated: it may hold a token
                problems.add("NOTIFY_WEBHOOK_URL is not an absolute http:// or https:// URL (its value is not shown:"
                        + " it may hold a token); expected the receiver's URL, such as"
                        + " https://hooks.slack.com/services/... or https://ntfy.sh/your-topic");
            }
        }
        NotifyOn on = NotifyOn.FAILURE;
        String rawOn = value(env, "NOTIFY_ON");
        if (rawOn != null) {
            try {
                on = NotifyOn.parse(rawOn);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        NotifyFormat format = NotifyFormat.JSON;
        String rawFormat = value(env, "NOTIFY_FORMAT");
        if (rawFormat != null) {
            try {
                format = NotifyFormat.parse(rawFormat);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new FetcherConfigException("invalid notification configuration: " + String.join("; ", problems));
        }
        return new NotifyConfig(webhook, on, format);
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "NotifyConfig[webhook=" + (webhook == null ? "none" : webhook.scheme() + "://" + webhook.host() + "/***")
                + ", on=" + on.value() + ", format=" + format.value() + "]";
    }
}
