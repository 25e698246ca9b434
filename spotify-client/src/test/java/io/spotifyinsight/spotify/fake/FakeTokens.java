package io.spotifyinsight.spotify.fake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens the fake has issued, each with its expiry. Thread-safe. */
final class FakeTokens {

    private static final String BASE62 =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private volatile Duration lifetime;

    /** {@code clock} says when a token expires: a test moves it instead of sleeping. */
    FakeTokens(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A new token; {@code expires_in} is the lifetime rounded up to whole seconds. */
    String issue() {
        StringBuilder token = new StringBuilder("BQ");
        for (int i = 0; i < 110; i++) {
            token.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        expiries.put(token.toString(), clock.instant().plus(lifetime));
        return token.toString();
    }

    long expiresInSeconds() {
        return Math.max(1, (lifetime.toMillis() + 999) / 1000);
    }

    void setLifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Every token issued so far is expired from now on. */
    void expireAll() {
        Instant now = clock.instant().minusMillis(1);
        expiries.replaceAll((token, expiry) -> now);
    }

    /** Null when the Authorization header carries a live token, else Spotify's 401 message. */
    String problemWith(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "No token provided";
        }
        Instant expiry = expiries.get(authorization.substring(7).trim());
        if (expiry == null) {
            return "Invalid access token";
        }
        return clock.instant().isBefore(expiry) ? null : "The access token expired";
    }
}
