package io.spotifyinsight.fetcher;

import io.spotifyinsight.config.ConfigException;
import io.spotifyinsight.config.EnvReader;
import io.spotifyinsight.config.SharedVariables;
import io.spotifyinsight.fetcher.metrics.JobMetricsConfig;
import io.spotifyinsight.fetcher.notify.NotifyConfig;
import io.spotifyinsight.persistence.DatabaseConfig;
import io.spotifyinsight.spotify.SpotifyConfig;
import io.spotifyinsight.spotify.internal.SecureUrls;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * The one place the fetcher reads its environment, through one {@link EnvReader}: every part a
 * command needs is read by {@link #require}, which reports all bad variables at once in a {@link
 * ConfigException} (exit 2); the accessors return the parts after that.
 */
public final class FetcherEnvironment {
    /**
     * What a command needs configured; checked together so that every problem is reported at once.
     */
    public enum Needs {
        DATABASE,
        SPOTIFY,
        FETCHER,
        RUN_REPORTS
    }

    private final Map<String, String> env;

    public FetcherEnvironment(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * Reads every needed part, and always LOG_FORMAT. @throws ConfigException naming every bad
     * variable
     */
    public void require(Needs... needs) {
        Set<Needs> wanted =
                needs.length == 0 ? EnumSet.noneOf(Needs.class) : EnumSet.of(needs[0], needs);
        EnvReader reader = new EnvReader(env);
        SharedVariables.jsonLogs(reader);
        if (wanted.contains(Needs.DATABASE)) {
            SharedVariables.database(reader, DatabaseConfig.DEFAULT_POOL_SIZE);
        }
        if (wanted.contains(Needs.SPOTIFY)) {
            spotify(reader);
        }
        if (wanted.contains(Needs.FETCHER)) {
            FetcherConfig.read(reader);
            SourcesConfig.read(reader);
        }
        if (wanted.contains(Needs.RUN_REPORTS)) {
            NotifyConfig.read(reader);
            JobMetricsConfig.read(reader);
        }
        reader.check();
    }

    public DatabaseConfig database() {
        return read(reader -> SharedVariables.database(reader, DatabaseConfig.DEFAULT_POOL_SIZE));
    }

    public SpotifyConfig spotify() {
        return read(FetcherEnvironment::spotify);
    }

    public FetcherConfig fetcher() {
        return read(FetcherConfig::read);
    }

    public SourcesConfig sources() {
        return read(SourcesConfig::read);
    }

    public NotifyConfig notifications() {
        return read(NotifyConfig::read);
    }

    public JobMetricsConfig metrics() {
        return read(JobMetricsConfig::read);
    }

    /** LOG_FORMAT=json: stderr must stay one JSON object per line. */
    public boolean jsonLogs() {
        return read(SharedVariables::jsonLogs);
    }

    /** Whether both Spotify credentials are set (the users commands only use Spotify then). */
    public boolean spotifyCredentialsPresent() {
        EnvReader reader = new EnvReader(env);
        return reader.isSet("SPOTIFY_CLIENT_ID") && reader.isSet("SPOTIFY_CLIENT_SECRET");
    }

    private <T> T read(Function<EnvReader, T> part) {
        EnvReader reader = new EnvReader(env);
        T value = part.apply(reader);
        reader.check();
        return value;
    }

    /**
     * {@code SPOTIFY_CLIENT_ID} and {@code SPOTIFY_CLIENT_SECRET} (required), {@code
     * SPOTIFY_API_URL}, {@code SPOTIFY_ACCOUNTS_URL}, {@code SPOTIFY_MAX_ATTEMPTS} (1 to 20),
     * {@code SPOTIFY_RETRY_BUDGET_SECONDS} (1 to 86400), {@code SPOTIFY_REQUESTS_PER_SECOND} (0 =
     * none) and {@code SPOTIFY_TIMEOUT_SECONDS} (1 to 3600; the connect timeout is at most 10 s of
     * it). The secret is never repeated.
     */
    static SpotifyConfig spotify(EnvReader env) {
        String clientId =
                env.required(
                        "SPOTIFY_CLIENT_ID",
                        "set it to the client id of your app in the Spotify developer dashboard");
        String clientSecret =
                env.required("SPOTIFY_CLIENT_SECRET", "set it to the client secret of that app");
        String apiUrl = spotifyUrl(env, "SPOTIFY_API_URL", SpotifyConfig.DEFAULT_API_URL);
        String accountsUrl =
                spotifyUrl(env, "SPOTIFY_ACCOUNTS_URL", SpotifyConfig.DEFAULT_ACCOUNTS_URL);
        int maxAttempts =
                env.wholeNumber("SPOTIFY_MAX_ATTEMPTS", SpotifyConfig.DEFAULT_MAX_ATTEMPTS, 1, 20);
        int budget =
                env.wholeNumber(
                        "SPOTIFY_RETRY_BUDGET_SECONDS",
                        (int) SpotifyConfig.DEFAULT_RETRY_BUDGET.toSeconds(),
                        1,
                        86_400);
        double rate =
                env.number(
                        "SPOTIFY_REQUESTS_PER_SECOND",
                        0,
                        value -> value >= 0 && !Double.isInfinite(value),
                        "a number >= 0 of requests per second, e.g. 5 or 0.5 (default 0 = no"
                                + " client-side limit)");
        Duration timeout =
                Duration.ofSeconds(
                        env.wholeNumber(
                                "SPOTIFY_TIMEOUT_SECONDS",
                                (int) SpotifyConfig.DEFAULT_TIMEOUT.toSeconds(),
                                1,
                                3_600));
        if (clientId == null || clientSecret == null || apiUrl == null || accountsUrl == null) {
            return null; // the reader holds the problems
        }
        Duration connect =
                timeout.compareTo(SpotifyConfig.DEFAULT_CONNECT_TIMEOUT) < 0
                        ? timeout
                        : SpotifyConfig.DEFAULT_CONNECT_TIMEOUT;
        return SpotifyConfig.builder(clientId, clientSecret)
                .urls(apiUrl, accountsUrl)
                .retries(maxAttempts, Duration.ofSeconds(budget))
                .requestsPerSecond(rate)
                .timeouts(connect, timeout, timeout)
                .build();
    }

    /**
     * An http(s) URL, https unless on loopback (the token request carries the secret); null when
     * refused.
     */
    private static String spotifyUrl(EnvReader env, String name, String fallback) {
        String value = env.text(name, fallback);
        HttpUrl parsed = HttpUrl.parse(value);
        if (parsed == null) {
            env.problem(
                    name
                            + " is '"
                            + SecureUrls.redacted(value)
                            + "': expected an http(s) URL such as "
                            + fallback
                            + " (or leave it unset for that default)");
            return null;
        }
        if (SecureUrls.problem(name, value, fallback) != null) {
            env.problem(
                    name
                            + " is http://"
                            + parsed.host()
                            + ": expected https unless the host is loopback (127.0.0.0/8, ::1,"
                            + " localhost); the token request carries the client secret");
            return null;
        }
        return value;
    }
}
