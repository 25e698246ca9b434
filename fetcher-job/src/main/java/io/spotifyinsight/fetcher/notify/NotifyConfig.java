package io.spotifyinsight.fetcher.notify;

import io.spotifyinsight.config.EnvReader;
import io.spotifyinsight.fetcher.report.Redaction;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The run notifications' settings, read by {@code FetcherEnvironment}. The webhook URL often holds
 * a token (Slack and Discord put it in the path), so no message and no {@code toString} ever shows
 * it.
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
    public static final NotifyConfig OFF =
            new NotifyConfig(null, NotifyOn.FAILURE, NotifyFormat.JSON);

    public NotifyConfig {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(format, "format");
    }

    /** The URL when notifications are to be sent at all. */
    public Optional<HttpUrl> target() {
        return webhook == null || on == NotifyOn.NEVER ? Optional.empty() : Optional.of(webhook);
    }

    /**
     * Reads the variables above, recording each problem in {@code env}; the URL is never repeated.
     */
    public static NotifyConfig read(EnvReader env) {
        HttpUrl webhook =
                Redaction.readUrl(
                        env,
                        "NOTIFY_WEBHOOK_URL",
                        "a token",
                        "the receiver's URL, such as https://hooks.slack.com/services/... or"
                                + " https://ntfy.sh/your-topic");
        NotifyOn on = choice(env, "NOTIFY_ON", NotifyOn.FAILURE, NotifyOn.ACCEPTED);
        NotifyFormat format =
                choice(env, "NOTIFY_FORMAT", NotifyFormat.JSON, NotifyFormat.ACCEPTED);
        return new NotifyConfig(webhook, on, format);
    }

    /** One of the enum's constants by name, in any case; {@code fallback} when unset or wrong. */
    private static <E extends Enum<E>> E choice(
            EnvReader env, String name, E fallback, String accepted) {
        Class<E> type = fallback.getDeclaringClass();
        return env.parsed(
                name,
                fallback,
                raw -> Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT)),
                accepted);
    }

    @Override
    public String toString() {
        return "NotifyConfig[webhook="
                + (webhook == null ? "none" : webhook.scheme() + "://" + webhook.host() + "/***")
                + ", on="
                + on.value()
                + ", format="
                + format.value()
                + "]";
    }
}
