package io.spotifyinsight.spotify.error;

/**
 * This app has no access to this endpoint: what development-mode apps get from {@code
 * /v1/recommendations} (404, usually with an empty body) and from other withdrawn endpoints (403).
 * Re-authenticating or retrying will not help; the caller should change strategy, e.g. fall back to
 * search.
 */
public final class SpotifyFeatureUnavailableException extends SpotifyHttpException {

    private final String endpoint;

    public SpotifyFeatureUnavailableException(String endpoint, int status, String spotifyMessage) {
        super(
                "this app has no access to this endpoint: Spotify answered "
                        + status
                        + " for "
                        + endpoint
                        + " (development-mode apps lost recommendations and genre seeds in November"
                        + " 2024)"
                        + (spotifyMessage == null ? "" : " (" + spotifyMessage + ")"),
                status,
                spotifyMessage,
                false);
        this.endpoint = endpoint;
    }

    /** Method and path that were refused, e.g. {@code GET /v1/recommendations}. */
    public String endpoint() {
        return endpoint;
    }
}
