package io.spotifyinsight.sources.fake;

import io.spotifyinsight.spotify.fake.FakeCatalog;
import io.spotifyinsight.spotify.fake.Reply;
import mockwebserver3.RecordedRequest;

/**
 * A fake Last.fm ({@code https://ws.audioscrobbler.com/2.0/}) over real HTTP, over the same {@link
 * FakeCatalog} as the fake Spotify: {@code artist.getSimilar}, {@code artist.getTopTags}, {@code
 * tag.getTopTracks} and {@code track.getSimilar} with {@code format=json}, in Last.fm's shapes and
 * with its traps: errors as HTTP 200 {@code {"error":N,"message":...,"links":[]}} (10 bad key, 26
 * suspended, 6 not found, 3 unknown method), numbers as strings where Last.fm sends them, a
 * one-element list sent as a single object, {@code mbid} "" for about a third of the entries, an
 * unknown track in {@code track.getSimilar} giving an empty list.
 *
 * <p>The catalogue's genres become tags in Last.fm's wording ({@code trip-hop} → {@code trip hop})
 * with counts 100, 70, 40, ..., plus non-genre tags ({@code seen live}, {@code favourites}, ...)
 * with lower counts (1..9). Artist names match case-insensitively, and with {@code autocorrect=1}
 * accent-insensitively too. Catalogue artists sharing a name are one Last.fm artist. Without {@code
 * format=json} the fake answers an XML stub (XML is not modelled). Thread-safe.
 */
public final class FakeLastFm extends FakeSource {

    public static final String VALID_KEY = "f4k3-lastfm-key-0000000000000000";

    private final LastFmApi api;
    private final String apiKey;
    private volatile boolean suspended;

    private FakeLastFm(Builder builder) {
        super("/2.0/", FakeLastFm::failure);
        this.api = new LastFmApi(builder.catalog);
        this.apiKey = builder.apiKey;
        listen("Last.fm", builder);
    }

    @Override
    Reply handle(RecordedRequest request) {
        return api.handle(request, apiKey, suspended);
    }

    public static Builder builder(FakeCatalog catalog) {
        return new Builder(catalog);
    }

    /** The one key this fake accepts (default {@link #VALID_KEY}). */
    public String apiKey() {
        return apiKey;
    }

    /**
     * Whether Last.fm knows an artist of this name (case- and accent-insensitive): about 90 % of
     * the catalogue's names, decided by a stable hash of the folded name.
     */
    public boolean knowsArtist(String artistName) {
        return api.knowsArtist(artistName);
    }

    // ---- faults

    /**
     * The next {@code n} requests get HTTP 200 with {@code {"error":code,"message":...}}, e.g. 29
     * (rate limit exceeded), 11 (service offline), 8 (operation failed).
     */
    public void errorNext(int n, int lastFmErrorCode) {
        server().queue(n, LastFmApi.error(lastFmErrorCode));
    }

    /** While suspended, every call with the valid key answers error 26 (suspended API key). */
    public void setSuspended(boolean suspended) {
        this.suspended = suspended;
    }

    /**
     * The error body {@link #failNext} and {@link #alwaysFail} send with {@code status}: 5xx error
     * 8 or, for 503, 11; 429 error 29; otherwise 16.
     */
    private static Reply failure(int status) {
        int code = status == 429 ? 29 : status == 503 ? 11 : status >= 500 ? 8 : 16;
        return Reply.json(status, LastFmApi.errorBody(code, null));
    }

    /** Options; {@link #start()} binds the fake. */
    public static final class Builder extends Options<Builder> {

        private String apiKey = VALID_KEY;

        private Builder(FakeCatalog catalog) {
            super(catalog);
        }

        /** The key the fake accepts; default {@link #VALID_KEY}. */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = apiKey;
            return this;
        }

        public FakeLastFm start() {
            return new FakeLastFm(this);
        }
    }
}
