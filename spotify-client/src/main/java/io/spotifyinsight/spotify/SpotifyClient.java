package io.spotifyinsight.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.spotify.error.SpotifyException;
import io.spotifyinsight.spotify.internal.AccessTokens;
import io.spotifyinsight.spotify.internal.ApiExecutor;
import io.spotifyinsight.spotify.internal.ClientHttp;
import io.spotifyinsight.spotify.internal.Endpoint;
import io.spotifyinsight.spotify.internal.ModelDecoder;
import io.spotifyinsight.spotify.internal.RequestLoggingInterceptor;
import io.spotifyinsight.spotify.internal.RetrySettings;
import io.spotifyinsight.spotify.internal.TokenEndpoint;
import io.spotifyinsight.spotify.model.Artist;
import io.spotifyinsight.spotify.model.SearchPage;
import io.spotifyinsight.spotify.model.Track;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Typed client for the parts of the Spotify Web API the fetcher needs, using the client-credentials
 * flow.
 *
 * <p>Thread-safe: share one instance. It owns the access token (fetched once, reused until shortly
 * before expiry, refreshed once under concurrency, refreshed and retried once on a 401), retries
 * 5xx, 429 and network failures with backoff within {@link SpotifyConfig#maxAttempts()} and {@link
 * SpotifyConfig#retryBudget()}, and makes every caller pause when one gets a 429. Every failure is
 * a {@link SpotifyException}; inputs are validated before any request.
 *
 * <p>{@link #close()} releases the HTTP resources only if this client created them; a shared {@link
 * OkHttpClient} passed in stays usable.
 */
public final class SpotifyClient implements AutoCloseable {

    private static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    private static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);

    private static final Endpoint RECOMMENDATIONS = Endpoint.gatedGet("/recommendations");
    private static final Endpoint GENRE_SEEDS =
            Endpoint.gatedGet("/recommendations/available-genre-seeds");
    private static final Endpoint SEARCH = Endpoint.get("/search");
    private static final Endpoint ARTIST = Endpoint.get("/artists/{id}");
    private static final Endpoint TRACK = Endpoint.get("/tracks/{id}");

    private final SpotifyConfig config;
    private final HttpUrl apiUrl;
    private final ClientHttp http;
    private final ApiExecutor executor;

    private SpotifyClient(Builder builder) {
        this.config = builder.config;
        this.apiUrl = HttpUrl.get(config.apiUrl());
        this.http =
                ClientHttp.derive(
                        builder.sharedHttp,
                        config.connectTimeout(),
                        config.readTimeout(),
                        config.callTimeout(),
                        List.of(RequestLoggingInterceptor.spotify()));
        ObjectMapper json = new ObjectMapper();
        AccessTokens tokens =
                new AccessTokens(
                        http.client(),
                        new TokenEndpoint(
                                HttpUrl.get(config.tokenUrl()),
                                config.clientId(),
                                config.clientSecret()),
                        builder.clock,
                        json);
        this.executor =
                new ApiExecutor(
                        http.client(),
                        tokens,
                        json,
                        RetrySettings.within(
                                config.maxAttempts(),
                                config.retryBudget(),
                                builder.initialBackoff,
                                builder.maxBackoff,
                                config.requestsPerSecond()));
    }

    /** A client with its own HTTP resources, released by {@link #close()}. */
    public static SpotifyClient create(SpotifyConfig config) {
        return builder(config).build();
    }

    /**
     * A client on the application's shared {@link OkHttpClient} (its pools are reused; timeouts and
     * logging are applied to a derived client). {@link #close()} leaves it open.
     */
    public static SpotifyClient create(SpotifyConfig config, OkHttpClient sharedHttp) {
        return builder(config).httpClient(sharedHttp).build();
    }

    public static Builder builder(SpotifyConfig config) {
        return new Builder(config);
    }

    /**
     * Recommended tracks for the seeds; may be fewer than the limit, or none, for thin seeds.
     *
     * @throws io.spotifyinsight.spotify.error.SpotifyFeatureUnavailableException when this app has
     *     no access to recommendations (development-mode apps since November 2024)
     */
    public List<Track> recommendations(RecommendationRequest request) {
        Objects.requireNonNull(request, "request");
        HttpUrl.Builder url =
                apiUrl.newBuilder()
                        .addPathSegment("recommendations")
                        .addQueryParameter("limit", Integer.toString(request.limit()));
        addList(url, "seed_artists", request.seedArtists());
        addList(url, "seed_genres", request.seedGenres());
        addList(url, "seed_tracks", request.seedTracks());
        if (request.market() != null) {
            url.addQueryParameter("market", request.market());
        }
        JsonNode body = executor.get(RECOMMENDATIONS, url.build());
        return ModelDecoder.tracks(body, RECOMMENDATIONS.label());
    }

    /**
     * The genre values accepted as recommendation seeds.
     *
     * @throws io.spotifyinsight.spotify.error.SpotifyFeatureUnavailableException as for {@link
     *     #recommendations}
     */
    public List<String> availableGenreSeeds() {
        HttpUrl url =
                apiUrl.newBuilder()
                        .addPathSegments("recommendations/available-genre-seeds")
                        .build();
        return ModelDecoder.genres(executor.get(GENRE_SEEDS, url), GENRE_SEEDS.label());
    }

    /** One page of tracks matching the query. */
    public SearchPage searchTracks(SearchRequest request) {
        Objects.requireNonNull(request, "request");
        HttpUrl.Builder url =
                apiUrl.newBuilder()
                        .addPathSegment("search")
                        .addQueryParameter("q", request.query())
                        .addQueryParameter("type", "track")
                        .addQueryParameter("limit", Integer.toString(request.limit()))
                        .addQueryParameter("offset", Integer.toString(request.offset()));
        if (request.market() != null) {
            url.addQueryParameter("market", request.market());
        }
        return ModelDecoder.searchPage(executor.get(SEARCH, url.build()), SEARCH.label());
    }

    /**
     * An artist by id, {@code spotify:artist:} URI or open.spotify.com link.
     *
     * @throws IllegalArgumentException for a malformed id, before any request
     * @throws io.spotifyinsight.spotify.error.SpotifyNotFoundException for an unknown id
     */
    public Artist artist(String id) {
        String artistId = SpotifyIds.parse(SpotifyIds.Kind.ARTIST, id);
        HttpUrl url =
                apiUrl.newBuilder().addPathSegment("artists").addPathSegment(artistId).build();
        return ModelDecoder.artist(executor.get(ARTIST, url), ARTIST.label());
    }

    /** A track by id, URI or link, without market relinking. */
    public Track track(String id) {
        return track(id, null);
    }

    /** A track by id, URI or link, as seen from {@code market} (null for none). */
    public Track track(String id, String market) {
        String trackId = SpotifyIds.parse(SpotifyIds.Kind.TRACK, id);
        RequestChecks.market(market);
        HttpUrl.Builder url = apiUrl.newBuilder().addPathSegment("tracks").addPathSegment(trackId);
        if (market != null) {
            url.addQueryParameter("market", market);
        }
        return ModelDecoder.track(executor.get(TRACK, url.build()), TRACK.label());
    }

    public SpotifyConfig config() {
        return config;
    }

    @Override
    public void close() {
        http.close();
    }

    private static void addList(HttpUrl.Builder url, String name, List<String> values) {
        if (!values.isEmpty()) {
            url.addQueryParameter(name, String.join(",", values));
        }
    }

    /** Options beyond {@link SpotifyConfig}, mostly for tests. */
    public static final class Builder {

        private final SpotifyConfig config;
        private OkHttpClient sharedHttp;
        private Clock clock = Clock.systemUTC();
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;

        private Builder(SpotifyConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Use the application's shared client instead of creating one. */
        public Builder httpClient(OkHttpClient shared) {
            this.sharedHttp = Objects.requireNonNull(shared, "shared");
            return this;
        }

        /** Clock deciding when the token is due for refresh (tests move it forward). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Exponential backoff between retries, before jitter of +-25%; default 500 ms doubling up
         * to 8 s. Tests use a few milliseconds rather than sleeping.
         */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = Objects.requireNonNull(initial, "initial");
            this.maxBackoff = Objects.requireNonNull(max, "max");
            return this;
        }

        public SpotifyClient build() {
            return new SpotifyClient(this);
        }
    }
}
