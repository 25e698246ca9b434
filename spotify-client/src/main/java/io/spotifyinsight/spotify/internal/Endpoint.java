package io.spotifyinsight.spotify.internal;

/**
 * A called endpoint, for messages and error mapping.
 *
 * @param label method and path template, e.g. {@code GET /v1/artists/{id}}; never the query
 * @param gated whether Spotify withdraws this endpoint for some apps, answering 404 (or 403)
 */
public record Endpoint(String label, boolean gated) {

    static final Endpoint TOKEN = new Endpoint("POST /api/token", false);

    public static Endpoint get(String pathTemplate) {
        return new Endpoint("GET /v1" + pathTemplate, false);
    }

    public static Endpoint gatedGet(String pathTemplate) {
        return new Endpoint("GET /v1" + pathTemplate, true);
    }
}
