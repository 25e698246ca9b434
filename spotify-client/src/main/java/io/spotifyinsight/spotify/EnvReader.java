package io.spotifyinsight.spotify;

import io.spotifyinsight.spotify.internal.SecureUrls;
import okhttp3.HttpUrl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads {@link SpotifyConfig} from environment variables, collecting every problem first. */
final class EnvReader {

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    EnvReader(Map<String, String> env) {
        this.env = env == null ? Map.of() : env;
    }

    SpotifyConfig read() {
        String clientId =
                required(
                        "SPOTIFY_CLIENT_ID",
                        "set it to the client id of your app in the Spotify developer dashboard");
        String clientSecret =
                required("SPOTIFY_CLIENT_SECRET", "set it to the client secret of that app");
        String apiUrl = url("SPOTIFY_API_URL", SpotifyConfig.DEFAULT_API_URL);
        String accountsUrl = url("SPOTIFY_ACCOUNTS_URL", SpotifyConfig.DEFAULT_ACCOUNTS_URL);
        int maxAttempts =
                (int) integer("SPOTIFY_MAX_ATTEMPTS", SpotifyConfig.DEFAULT_MAX_ATTEMPTS, 1, 20);
        long budget =
                integer(
                        "SPOTIFY_RETRY_BUDGET_SECONDS",
                        SpotifyConfig.DEFAULT_RETRY_BUDGET.toSeconds(),
                        1,
                        86_400);
        double rate = rate("SPOTIFY_REQUESTS_PER_SECOND");
        long timeout =
                integer(
                        "SPOTIFY_TIMEOUT_SECONDS",
                        SpotifyConfig.DEFAULT_TIMEOUT.toSeconds(),
                        1,
                        3_600);
        if (!problems.isEmpty()) {
            throw new SpotifyConfigException(
                    "invalid Spotify configuration ("
                            + problems.size()
                            + (problems.size() == 1 ? " problem" : " problems")
                            + "):\n  - "
                            + String.join("\n  - ", problems));
        }
        Duration timeoutDuration = Duration.ofSeconds(timeout);
        Duration connect =
                timeoutDuration.compareTo(SpotifyConfig.DEFAULT_CONNECT_TIMEOUT) < 0
                        ? timeoutDuration
                        : SpotifyConfig.DEFAULT_CONNECT_TIMEOUT;
        return new SpotifyConfig(
                clientId,
                clientSecret,
                apiUrl,
                accountsUrl,
                maxAttempts,
                Duration.ofSeconds(budget),
                rate,
                connect,
                timeoutDuration,
                timeoutDuration);
    }

    private String value(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String required(String name, String hint) {
        String value = value(name);
        if (value == null) {
            problems.add(name + " is missing: " + hint);
        }
        return value;
    }

    private String url(String name, String fallback) {
        String value = value(name);
        if (value == null) {
            return fallback;
        }
        HttpUrl parsed = HttpUrl.parse(value);
        if (parsed == null) {
            problems.add(
                    name
                            + " is '"
                            + SecureUrls.redacted(value)
                            + "': expected an http(s) URL such as "
                            + fallback
                            + " (or leave it unset for that default)");
        } else if (SecureUrls.problem(name, value, fallback) != null) {
            problems.add(
                    name
                            + " is http://"
                            + parsed.host()
                            + ": expected https unless the host is loopback (127.0.0.0/8, ::1, localhost);"
                            + " the token request carries the client secret");
        }
        return value;
    }

    private long integer(String name, long fallback, long min, long max) {
        String value = value(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(
                name
                        + " is '"
                        + value
                        + "': expected a whole number from "
                        + min
                        + " to "
                        + max
                        + " (default "
                        + fallback
                        + ")");
        return fallback;
    }

    private double rate(String name) {
        String value = value(name);
        if (value == null) {
            return 0;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (parsed >= 0 && !Double.isInfinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(
                name
                        + " is '"
                        + value
                        + "': expected a number >= 0 of requests per second, "
                        + "e.g. 5 or 0.5 (default 0 = no client-side limit)");
        return 0;
    }
}
