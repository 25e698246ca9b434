package io.spotifyinsight.sources.fake;

import io.spotifyinsight.spotify.fake.FakeCatalog;
import io.spotifyinsight.spotify.fake.Reply;
import java.time.Duration;
import java.util.Objects;
import mockwebserver3.RecordedRequest;

/**
 * A fake ReccoBeats ({@code https://api.reccobeats.com}) over real HTTP, over the same {@link
 * FakeCatalog} as the fake Spotify: track recommendations by pseudo audio features, track, artist,
 * artist-tracks and audio-features lookups, in ReccoBeats' shapes and with its quirks (own UUIDs,
 * the Spotify id only in {@code href}, about 1 item in 30 without {@code href}, some numbers as
 * strings, Spring-style error bodies).
 *
 * <p>Coverage is partial and deterministic: see {@link #knowsTrack} and {@link #knowsArtist}. No
 * key. Faults ({@link #failNext}, {@link #alwaysFail}, {@link #rateLimitNext}) are answered before
 * anything else. Thread-safe.
 */
public final class FakeReccoBeats extends FakeSource {

    /** What a recommendation request with seeds ReccoBeats does not know gets (both observed). */
    public enum UnknownSeed {
        /** 400 with an error body as soon as one seed is unknown. */
        BAD_REQUEST,
        /** 200; unknown seeds are ignored and the answer has proportionally fewer items. */
        EMPTY
    }

    private final ReccoBeatsApi api;

    private FakeReccoBeats(Builder builder) {
        super("/v1", status -> ReccoBeatsApi.error(status, null, null));
        this.api = new ReccoBeatsApi(builder.catalog, builder.unknownSeed);
        listen("ReccoBeats", builder);
    }

    @Override
    Reply handle(RecordedRequest request) {
        return api.handle(request);
    }

    public static Builder builder(FakeCatalog catalog) {
        return new Builder(catalog);
    }

    /**
     * Whether ReccoBeats has this Spotify track: about 85 % do. Tracks whose main artist it lacks
     * (about 5 % of artists) are never known; of the others a stable hash of the id drops about 10
     * %.
     */
    public boolean knowsTrack(String spotifyTrackId) {
        return api.knowsTrack(spotifyTrackId);
    }

    /** Whether ReccoBeats has this Spotify artist: it appears on at least one known track. */
    public boolean knowsArtist(String spotifyArtistId) {
        return api.knowsArtist(spotifyArtistId);
    }

    /** ReccoBeats' own id of a known track, or null. */
    public String uuidOfTrack(String spotifyTrackId) {
        return api.trackUuid(spotifyTrackId);
    }

    /** ReccoBeats' own id of a known artist, or null. */
    public String uuidOfArtist(String spotifyArtistId) {
        return api.artistUuid(spotifyArtistId);
    }

    // ---- faults

    /**
     * The next {@code n} requests get 429 with {@code Retry-After} in whole seconds (rounded up);
     * null sends no Retry-After.
     */
    public void rateLimitNext(int n, Duration retryAfter) {
        Reply reply = ReccoBeatsApi.error(429, "Too many requests, slow down", null);
        if (retryAfter != null) {
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            reply = reply.withHeader("Retry-After", Long.toString(seconds));
        }
        server().queue(n, reply);
    }

    /** Options; {@link #start()} binds the fake. */
    public static final class Builder extends Options<Builder> {

        private UnknownSeed unknownSeed = UnknownSeed.BAD_REQUEST;

        private Builder(FakeCatalog catalog) {
            super(catalog);
        }

        /** Default {@link UnknownSeed#BAD_REQUEST}. */
        public Builder unknownSeedVariant(UnknownSeed variant) {
            this.unknownSeed = Objects.requireNonNull(variant, "variant");
            return this;
        }

        public FakeReccoBeats start() {
            return new FakeReccoBeats(this);
        }
    }
}
