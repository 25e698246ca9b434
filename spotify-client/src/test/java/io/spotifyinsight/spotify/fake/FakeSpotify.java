package io.spotifyinsight.spotify.fake;

import io.spotifyinsight.spotify.SpotifyConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A fake Spotify over real HTTP (OkHttp's MockWebServer): the accounts token endpoint and the Web
 * API endpoints the client uses, over a deterministic {@link FakeCatalog}.
 *
 * <p>It imitates Spotify's behaviour and wording: tokens that expire, validation errors in
 * Spotify's error format, an extended-quota mode and a development mode (recommendations answer 404
 * with an empty body, search limit max 10). Tests inject faults (429 with Retry-After, 5xx,
 * latency, malformed bodies, dropped connections) that apply to {@code /v1} requests one per
 * request in order, and assert on {@link #requests()}.
 *
 * <p>Thread-safe: concurrent requests and test threads may use it at once.
 */
public final class FakeSpotify implements ServedFake {

    /** Access level of the one registered app. */
    public enum Mode {
        /** Apps approved before November 2024 or for large organisations: everything available. */
        EXTENDED_QUOTA,
        /** New apps: no recommendations, search limit 10, fewer fields. */
        DEVELOPMENT
    }

    public static final String DEFAULT_CLIENT_ID = "f4k3c11en71d0000000000000000beef";
    public static final String DEFAULT_CLIENT_SECRET = "f4k3-s3cr3t-never-use-in-production";

    private final ReplyServer server;
    private final FakeCatalog catalog;
    private final FakeTokens tokens;
    private final FakeAccounts accounts;
    private final FakeFaults faults = new FakeFaults();
    private final FakeApi api;
    // Replaced as a whole, so a token request, config() or env() never sees half a change.
    private volatile FakeAccounts.Credentials credentials;
    private volatile Mode mode;
    private volatile int unavailableStatus = 404;
    private volatile boolean emptyArtistGenres;

    private FakeSpotify(Builder builder) {
        this.catalog = builder.catalog;
        this.tokens = new FakeTokens(builder.tokenLifetime, builder.clock);
        this.accounts = new FakeAccounts(tokens);
        this.credentials = builder.credentials;
        this.mode = builder.mode;
        this.emptyArtistGenres = builder.emptyArtistGenres;
        setRateLimit(builder.requestsPerSecond);
        this.server = new ReplyServer(builder.logLimit, this::handle);
        server.setLatency(builder.latency);
        server.start("Spotify", builder);
        this.api = new FakeApi(catalog, apiUrl());
    }

    /** A fake on a free loopback port, extended-quota mode, default credentials. */
    public static FakeSpotify start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- addresses and credentials -------------------------------------------------------------

    /** Web API base, e.g. {@code http://127.0.0.1:PORT/v1}. */
    public String apiUrl() {
        return server.origin() + "/v1";
    }

    /**
     * Accounts base, e.g. {@code http://127.0.0.1:PORT}; the token endpoint is {@code /api/token}.
     */
    public String accountsUrl() {
        return server.origin();
    }

    public String clientId() {
        return credentials.clientId();
    }

    public String clientSecret() {
        return credentials.clientSecret();
    }

    /** Changes the registered app's credentials; tokens already issued stay valid. */
    public void setCredentials(String clientId, String clientSecret) {
        this.credentials = new FakeAccounts.Credentials(clientId, clientSecret);
    }

    /** A client configuration pointing here, with this app's credentials and default retries. */
    public SpotifyConfig config() {
        FakeAccounts.Credentials app = credentials;
        return SpotifyConfig.builder(app.clientId(), app.clientSecret())
                .urls(apiUrl(), accountsUrl())
                .build();
    }

    /** The {@code SPOTIFY_*} variables a process needs to use this fake. */
    public Map<String, String> env() {
        FakeAccounts.Credentials app = credentials;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPOTIFY_CLIENT_ID", app.clientId());
        env.put("SPOTIFY_CLIENT_SECRET", app.clientSecret());
        env.put("SPOTIFY_API_URL", apiUrl());
        env.put("SPOTIFY_ACCOUNTS_URL", accountsUrl());
        return env;
    }

    public FakeCatalog catalog() {
        return catalog;
    }

    // ---- mode
    // -------------------------------------------------------------------------------------

    public Mode mode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = Objects.requireNonNull(mode);
    }

    /**
     * Status development mode answers on recommendations: 404 with an empty body (what Spotify is
     * observed to send, the default) or 403 with {@code {"error":{"status":403}}}.
     */
    public void setRecommendationsUnavailableStatus(int status) {
        if (status != 403 && status != 404) {
            throw new IllegalArgumentException("status must be 403 or 404, was " + status);
        }
        this.unavailableStatus = status;
    }

    /**
     * Whether artist objects carry empty {@code genres} arrays, as Spotify's may since artist
     * genres were deprecated. Only the JSON is affected: the search filter {@code genre:"..."}
     * still matches the catalogue's genres, as Spotify's does.
     */
    public void setEmptyArtistGenres(boolean empty) {
        this.emptyArtistGenres = empty;
    }

    public boolean emptyArtistGenres() {
        return emptyArtistGenres;
    }

    // ---- tokens
    // -----------------------------------------------------------------------------------

    /** Lifetime of tokens issued from now on (Spotify: one hour). */
    public void setTokenLifetime(Duration lifetime) {
        tokens.setLifetime(Objects.requireNonNull(lifetime));
    }

    /** Every token issued so far is rejected with 401 "The access token expired" from now on. */
    public void expireTokens() {
        tokens.expireAll();
    }

    // ---- faults
    // -----------------------------------------------------------------------------------

    /**
     * The next {@code n} API requests are answered with {@code status} in Spotify's error shape.
     */
    public void failNext(int n, int status) {
        faults.add(false, n, FakeFaults.status(status));
    }

    /** The next {@code n} token requests are answered with {@code status}. */
    public void failNextTokenRequests(int n, int status) {
        faults.add(true, n, FakeFaults.status(status));
    }

    /** The next {@code n} token requests get 429 with {@code Retry-After} (null: no header). */
    public void rateLimitNextTokenRequests(int n, Duration retryAfter) {
        faults.add(true, n, FakeFaults.rateLimited(retryAfter));
    }

    /**
     * The next {@code n} API requests get 429 with {@code Retry-After} in whole seconds; null sends
     * no Retry-After header at all.
     */
    public void rateLimitNext(int n, Duration retryAfter) {
        faults.add(false, n, FakeFaults.rateLimited(retryAfter));
    }

    /**
     * The next {@code n} API requests get the spent-quota 429 ({@code "reason":"QUOTA_EXCEEDED"}).
     */
    public void quotaExceededNext(int n, Duration retryAfter) {
        faults.add(false, n, FakeFaults.quotaExceeded(retryAfter));
    }

    /** The next {@code n} API requests get 200 with a truncated JSON body. */
    public void malformedNext(int n) {
        faults.add(false, n, FakeFaults.malformed());
    }

    /** The next {@code n} API requests get exactly this status and body (JSON content type). */
    public void respondNext(int n, int status, String body) {
        faults.add(false, n, Reply.json(status, body));
    }

    /** The next {@code n} API requests have their connection closed without any response. */
    public void dropNext(int n) {
        faults.add(false, n, Reply.dropped());
    }

    /** Removes faults queued and not yet consumed. */
    public void clearFaults() {
        faults.clear();
    }

    /** Delay before every response's headers (token endpoint included). */
    public void setLatency(Duration latency) {
        server.setLatency(latency);
    }

    /**
     * Like Spotify, limits API requests over a rolling 30-second window: more than {@code
     * requestsPerSecond * 30} requests in any 30 s are answered 429 with Retry-After. 0 turns it
     * off.
     */
    public void setRateLimit(double requestsPerSecond) {
        setRateLimit(requestsPerSecond, Duration.ofSeconds(30));
    }

    /** As {@link #setRateLimit(double)} with another window length (short ones suit tests). */
    public void setRateLimit(double requestsPerSecond, Duration window) {
        faults.setRateLimit(requestsPerSecond, window);
    }

    // ---- request log
    // ------------------------------------------------------------------------------

    /** The log holds the newest requests up to the builder's {@code logLimit}. */
    @Override
    public ReplyServer http() {
        return server;
    }

    public List<RecordedCall> apiRequests() {
        return requests().stream().filter(RecordedCall::isApiRequest).toList();
    }

    public List<RecordedCall> tokenRequests() {
        return requests().stream().filter(RecordedCall::isTokenRequest).toList();
    }

    // ---- dispatch
    // ---------------------------------------------------------------------------------

    private Reply handle(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String path = url.encodedPath();
        Reply reply;
        if (path.equals("/api/token")) {
            Reply fault = faults.nextTokenFault();
            reply = fault != null ? fault : accounts.token(request, credentials);
        } else if (path.startsWith("/v1/")) {
            reply = apiReply(request, url);
        } else {
            reply = Reply.json(404, FakeJson.error(404, "Service not found"));
        }
        return reply;
    }

    private Reply apiReply(RecordedRequest request, HttpUrl url) {
        Reply fault = faults.nextApiFault();
        if (fault != null) {
            return fault;
        }
        Reply limited = faults.overRateLimit();
        if (limited != null) {
            return limited;
        }
        String problem = tokens.problemWith(request.getHeaders().get("Authorization"));
        if (problem != null) {
            boolean noToken = problem.equals("No token provided");
            return Reply.json(401, FakeJson.error(401, problem))
                    .withHeader(
                            "WWW-Authenticate",
                            noToken
                                    ? "Bearer realm=\"spotify\""
                                    : "Bearer realm=\"spotify\", error=\"invalid_token\","
                                            + " error_description=\""
                                            + problem
                                            + "\"");
        }
        return api.handle(request.getMethod(), url, mode, unavailableStatus, emptyArtistGenres);
    }

    /** Options for a fake; {@link #start()} binds it. */
    public static final class Builder extends ServerOptions<Builder> {

        private Mode mode = Mode.EXTENDED_QUOTA;
        private Duration latency = Duration.ZERO;
        private double requestsPerSecond;
        private FakeAccounts.Credentials credentials =
                new FakeAccounts.Credentials(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
        private Duration tokenLifetime = Duration.ofHours(1);
        private FakeCatalog catalog;
        private int logLimit = Integer.MAX_VALUE;
        private boolean emptyArtistGenres;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * The clock token lifetimes are measured on (default the system's); a {@link MutableClock}
         * in tests.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Keep only the newest {@code limit} requests in the log (long benchmark runs). */
        public Builder logLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("logLimit must be positive, was " + limit);
            }
            this.logLimit = limit;
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode);
            return this;
        }

        public Builder latency(Duration latency) {
            this.latency = Objects.requireNonNull(latency);
            return this;
        }

        public Builder rateLimit(double requestsPerSecond) {
            this.requestsPerSecond = requestsPerSecond;
            return this;
        }

        public Builder credentials(String clientId, String clientSecret) {
            this.credentials = new FakeAccounts.Credentials(clientId, clientSecret);
            return this;
        }

        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = Objects.requireNonNull(lifetime);
            return this;
        }

        /** See {@link FakeSpotify#setEmptyArtistGenres(boolean)}; default false. */
        public Builder emptyArtistGenres(boolean empty) {
            this.emptyArtistGenres = empty;
            return this;
        }

        public Builder catalog(FakeCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog);
            return this;
        }

        public FakeSpotify start() {
            if (catalog == null) {
                catalog = FakeCatalog.standard();
            }
            return new FakeSpotify(this);
        }
    }
}
