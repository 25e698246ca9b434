package io.spotifyinsight.sources.fake;

import io.spotifyinsight.spotify.fake.FakeCatalog;
import io.spotifyinsight.spotify.fake.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;

/**
 * A fake MusicBrainz ({@code https://musicbrainz.org/ws/2}) over real HTTP, over the same {@link
 * FakeCatalog} as the fake Spotify: Spotify artist link → MusicBrainz artist ({@code /url?resource=
 * ...&inc=artist-rels}, one or up to 100 resources), artist genres and tags ({@code
 * /artist/{mbid}?inc=genres+tags}), and the recordings of an ISRC with their artist credits ({@code
 * /isrc/{isrc}?inc=artists}; about 85 % of catalogue tracks, every artist, linked to Spotify or
 * not), with {@code fmt=json}.
 *
 * <p>It enforces MusicBrainz's two rules, checked in this order after injected faults: a meaningful
 * {@code User-Agent} (else 403, counted by {@link #userAgentRejections()}), and at most one request
 * per second: a request arriving less than the minimum interval (1000 ms) after the previous
 * accepted one gets 503 and is counted by {@link #rateViolations()}; rejected requests do not move
 * the clock. {@code genres} are the catalogue's genres in MusicBrainz wording ({@code trip hop}),
 * listed by name with vote counts (sort by {@code count}); {@code tags} add noise ({@code british},
 * {@code seen live}, ...). Thread-safe.
 */
public final class FakeMusicBrainz extends FakeSource {

    static final String USER_AGENT_REQUIRED =
            "Your requests are being blocked: MusicBrainz requires a meaningful User-Agent"
                    + " string, e.g. 'MyApp/1.2.0 ( contact@example.com )'. See"
                    + " https://musicbrainz.org/doc/MusicBrainz_API/Rate_Limiting";
    static final String RATE_LIMITED =
            "Your requests are exceeding the allowable rate limit. Please see"
                    + " http://wiki.musicbrainz.org/XMLWebService for more information.";

    private static final List<String> GENERIC = List.of("okhttp", "java", "curl", "python");
    private static final Pattern CONTACT =
            Pattern.compile("\\(.*\\S.*\\)|[^\\s@]+@[^\\s@]+\\.[^\\s@]+|https?://\\S+");

    private final MusicBrainzApi api;
    private final long minIntervalNanos;
    private long lastAccepted;
    private boolean anyAccepted;
    private int rateViolations;
    private int userAgentRejections;

    private FakeMusicBrainz(Builder builder) {
        super(
                "/ws/2",
                status ->
                        MusicBrainzApi.error(
                                status, status == 503 ? RATE_LIMITED : "Injected failure"));
        this.api = new MusicBrainzApi(builder.catalog);
        this.minIntervalNanos = builder.minInterval.toNanos();
        listen("MusicBrainz", builder);
    }

    public static Builder builder(FakeCatalog catalog) {
        return new Builder(catalog);
    }

    /**
     * Whether MusicBrainz has the link from this Spotify artist: about 80 % of catalogue artists,
     * by a stable hash of the id. Artist lookups by {@link #mbidOf} work for every catalogue
     * artist, linked or not.
     */
    public boolean knowsArtist(String spotifyArtistId) {
        return api.knowsLink(spotifyArtistId);
    }

    /**
     * Whether a MusicBrainz recording carries this ISRC (see {@link MusicBrainzApi#ISRC_MISSING}).
     */
    public boolean knowsIsrc(String isrc) {
        return api.knowsIsrc(isrc);
    }

    /** The stable MusicBrainz id of a catalogue artist (Last.fm's {@code mbid} when it has one). */
    public String mbidOf(String spotifyArtistId) {
        String mbid = api.mbidOf(spotifyArtistId);
        if (mbid == null) {
            throw new IllegalArgumentException("not a catalogue artist: " + spotifyArtistId);
        }
        return mbid;
    }

    /** Requests answered 503 because they came too soon after the previous accepted one. */
    public synchronized int rateViolations() {
        return rateViolations;
    }

    /** Requests answered 403 for a missing or generic User-Agent. */
    public synchronized int userAgentRejections() {
        return userAgentRejections;
    }

    /** Whether MusicBrainz would accept this User-Agent (see the class comment). */
    public static boolean meaningfulUserAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return false;
        }
        String lower = userAgent.trim().toLowerCase(Locale.ROOT);
        if (GENERIC.stream().anyMatch(lower::startsWith)) {
            return false;
        }
        return userAgent.contains("/") && CONTACT.matcher(userAgent).find();
    }

    // ---- faults

    @Override
    Reply handle(RecordedRequest request) {
        long now = System.nanoTime();
        synchronized (this) {
            if (!meaningfulUserAgent(request.getHeaders().get("User-Agent"))) {
                userAgentRejections++;
                return MusicBrainzApi.error(403, USER_AGENT_REQUIRED);
            }
            if (anyAccepted && now - lastAccepted < minIntervalNanos) {
                rateViolations++;
                return MusicBrainzApi.error(503, RATE_LIMITED);
            }
            anyAccepted = true;
            lastAccepted = now;
        }
        if (!request.getMethod().equals("GET")) {
            return MusicBrainzApi.error(405, "Method not allowed");
        }
        return api.handle(request.getUrl());
    }

    /** Options; {@link #start()} binds the fake. */
    public static final class Builder extends Options<Builder> {

        private Duration minInterval = Duration.ofMillis(1000);

        private Builder(FakeCatalog catalog) {
            super(catalog);
        }

        /**
         * The least time between two accepted requests; default 1000 ms, as MusicBrainz's 1
         * request/s. {@link Duration#ZERO} turns the rule off (tests not about pacing).
         */
        public Builder minInterval(Duration minInterval) {
            if (minInterval.isNegative()) {
                throw new IllegalArgumentException("minInterval must not be negative");
            }
            this.minInterval = minInterval;
            return this;
        }

        public FakeMusicBrainz start() {
            return new FakeMusicBrainz(this);
        }
    }
}
