package io.spotifyinsight.spotify;

import io.spotifyinsight.spotify.internal.SecureUrls;
import okhttp3.HttpUrl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the client needs to know, parsed once at startup. Immutable; {@link #toString()}
 * leaves the secret out.
 *
 * @param apiUrl Web API base, default {@value #DEFAULT_API_URL}
 * @param accountsUrl accounts service base, default {@value #DEFAULT_ACCOUNTS_URL}; the token
 *     endpoint is {@code {accountsUrl}/api/token}
 * @param maxAttempts attempts per operation, including the first
 * @param retryBudget total time one operation may take, waits included
 * @param requestsPerSecond client-side limit shared by all threads; 0 means none
 */
public record SpotifyConfig(
        String clientId,
        String clientSecret,
        String apiUrl,
        String accountsUrl,
        int maxAttempts,
        Duration retryBudget,
        double requestsPerSecond,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout) {

    public static final String DEFAULT_API_URL = "https://api.spotify.com/v1";
    public static final String DEFAULT_ACCOUNTS_URL = "https://accounts.spotify.com";
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofSeconds(120);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public SpotifyConfig {
        List<String> problems = new ArrayList<>();
        if (clientId == null || clientId.isBlank()) {
            problems.add("clientId must not be blank");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            problems.add("clientSecret must not be blank");
        }
        apiUrl = normaliseUrl("apiUrl", apiUrl, DEFAULT_API_URL, problems);
        accountsUrl = normaliseUrl("accountsUrl", accountsUrl, DEFAULT_ACCOUNTS_URL, problems);
        if (maxAttempts < 1) {
            problems.add("maxAttempts must be at least 1, was " + maxAttempts);
        }
        requirePositive("retryBudget", retryBudget, problems);
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            problems.add(
                    "requestsPerSecond must be a number >= 0 (0 = no limit), was "
                            + requestsPerSecond);
        }
        requirePositive("connectTimeout", connectTimeout, problems);
        requirePositive("readTimeout", readTimeout, problems);
        requirePositive("callTimeout", callTimeout, problems);
        if (!problems.isEmpty()) {
            throw new SpotifyConfigException(
                    "invalid Spotify configuration: " + String.join("; ", problems));
        }
    }

    /** Production defaults for everything but the credentials. */
    public static SpotifyConfig of(String clientId, String clientSecret) {
        return new SpotifyConfig(
                clientId,
                clientSecret,
                DEFAULT_API_URL,
                DEFAULT_ACCOUNTS_URL,
                DEFAULT_MAX_ATTEMPTS,
                DEFAULT_RETRY_BUDGET,
                0,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_TIMEOUT,
                DEFAULT_TIMEOUT);
    }

    /**
     * Reads the {@code SPOTIFY_*} variables. Reports every missing or invalid variable in one
     * {@link SpotifyConfigException}, naming each and what it accepts, never echoing the secret.
     */
    public static SpotifyConfig fromEnv(Map<String, String> env) {
        return new EnvReader(env).read();
    }

    /** The token endpoint, {@code {accountsUrl}/api/token}. */
    public String tokenUrl() {
        return accountsUrl + "/api/token";
    }

    public SpotifyConfig withUrls(String newApiUrl, String newAccountsUrl) {
        return new SpotifyConfig(
                clientId,
                clientSecret,
                newApiUrl,
                newAccountsUrl,
                maxAttempts,
                retryBudget,
                requestsPerSecond,
                connectTimeout,
                readTimeout,
                callTimeout);
    }

    public SpotifyConfig withRetries(int newMaxAttempts, Duration newRetryBudget) {
        return new SpotifyConfig(
                clientId,
                clientSecret,
                apiUrl,
                accountsUrl,
                newMaxAttempts,
                newRetryBudget,
                requestsPerSecond,
                connectTimeout,
                readTimeout,
                callTimeout);
    }

    public SpotifyConfig withRequestsPerSecond(double newRequestsPerSecond) {
        return new SpotifyConfig(
                clientId,
                clientSecret,
                apiUrl,
                accountsUrl,
                maxAttempts,
                retryBudget,
                newRequestsPerSecond,
                connectTimeout,
                readTimeout,
                callTimeout);
    }

    public SpotifyConfig withTimeouts(Duration connect, Duration read, Duration call) {
        return new SpotifyConfig(
                clientId,
                clientSecret,
                apiUrl,
                accountsUrl,
                maxAttempts,
                retryBudget,
                requestsPerSecond,
                connect,
                read,
                call);
    }

    @Override
    public String toString() {
        return "SpotifyConfig[clientId="
                + clientId
                + ", clientSecret=<redacted>, apiUrl="
                + apiUrl
                + ", accountsUrl="
                + accountsUrl
                + ", maxAttempts="
                + maxAttempts
                + ", retryBudget="
                + retryBudget
                + ", requestsPerSecond="
                + requestsPerSecond
                + ", connectTimeout="
                + connectTimeout
                + ", readTimeout="
                + readTimeout
                + ", callTimeout="
                + callTimeout
                + "]";
    }

    private static String normaliseUrl(
            String name, String url, String example, List<String> problems) {
        String problem = SecureUrls.problem(name, url, example);
        if (problem != null) {
            problems.add(problem);
            return url;
        }
        String text = HttpUrl.parse(url.strip()).toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static void requirePositive(String name, Duration value, List<String> problems) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(name + " must be a positive duration, was " + value);
        }
    }
}
