package io.spotifyinsight.spotify;

import io.spotifyinsight.spotify.internal.CallSettingsBuilder;
import io.spotifyinsight.spotify.internal.ConfigChecks;
import io.spotifyinsight.spotify.internal.RecordText;
import io.spotifyinsight.spotify.internal.SecureUrls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Everything the client needs to know. Immutable; built with {@link #builder}, validated as a whole
 * (every problem in one exception); {@link #toString()} leaves the secret out. The fetcher reads it
 * from its {@code SPOTIFY_*} variables.
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
        ConfigChecks.retries(maxAttempts, retryBudget, requestsPerSecond, problems);
        ConfigChecks.timeouts(connectTimeout, readTimeout, callTimeout, problems);
        ConfigChecks.failIfAny("Spotify configuration", problems);
    }

    /** The way to build one: production defaults for everything but the credentials. */
    public static Builder builder(String clientId, String clientSecret) {
        return new Builder(clientId, clientSecret);
    }

    /** A builder holding this configuration's values, to derive a variant. */
    public Builder toBuilder() {
        return builder(clientId, clientSecret)
                .urls(apiUrl, accountsUrl)
                .retries(maxAttempts, retryBudget)
                .requestsPerSecond(requestsPerSecond)
                .timeouts(connectTimeout, readTimeout, callTimeout);
    }

    /** The token endpoint, {@code {accountsUrl}/api/token}. */
    public String tokenUrl() {
        return accountsUrl + "/api/token";
    }

    /** Collects the settings; {@link #build()} validates them all at once. Not thread-safe. */
    public static final class Builder extends CallSettingsBuilder<Builder> {
        private final String clientId;
        private final String clientSecret;
        private String apiUrl = DEFAULT_API_URL;
        private String accountsUrl = DEFAULT_ACCOUNTS_URL;

        private Builder(String clientId, String clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            retries(DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_BUDGET);
            timeouts(DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
        }

        public Builder urls(String newApiUrl, String newAccountsUrl) {
            this.apiUrl = newApiUrl;
            this.accountsUrl = newAccountsUrl;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming every invalid setting
         */
        public SpotifyConfig build() {
            return new SpotifyConfig(
                    clientId,
                    clientSecret,
                    apiUrl,
                    accountsUrl,
                    maxAttempts,
                    retryBudget,
                    requestsPerSecond,
                    connectTimeout,
                    readTimeout,
                    callTimeout);
        }
    }

    @Override
    public String toString() {
        return RecordText.of(this, Map.of("clientSecret", RecordText.REDACTED));
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
}
