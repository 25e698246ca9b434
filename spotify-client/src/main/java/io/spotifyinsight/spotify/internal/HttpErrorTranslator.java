package io.spotifyinsight.spotify.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.spotify.error.SpotifyBadRequestException;
import io.spotifyinsight.spotify.error.SpotifyCredentialsException;
import io.spotifyinsight.spotify.error.SpotifyException;
import io.spotifyinsight.spotify.error.SpotifyFeatureUnavailableException;
import io.spotifyinsight.spotify.error.SpotifyHttpException;
import io.spotifyinsight.spotify.error.SpotifyNotFoundException;
import io.spotifyinsight.spotify.error.SpotifyRateLimitedException;
import io.spotifyinsight.spotify.error.SpotifyServerException;
import io.spotifyinsight.spotify.error.SpotifyUnauthorizedException;
import java.time.Duration;
import java.util.Set;

/**
 * Turns a non-2xx answer into the exception the caller can act on. Pure; never reads the network.
 */
final class HttpErrorTranslator {

    private static final Set<String> CREDENTIAL_ERRORS =
            Set.of("invalid_client", "unauthorized_client");

    private final ObjectMapper json;

    HttpErrorTranslator(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param endpoint method and path for the message, e.g. {@code GET /v1/search}; when it is
     *     {@linkplain Endpoint#gated() gated}, 404 means "withdrawn for this app" (recommendations)
     *     rather than "no such resource"
     */
    SpotifyException apiError(
            Endpoint endpoint, int status, String reason, String retryAfterHeader, String body) {
        ErrorBody error = ErrorBody.parse(json, body);
        String message = describe(endpoint.label(), status, reason, error.describe());
        return switch (status) {
            case 400 -> new SpotifyBadRequestException(message, error.message());
            case 401 -> new SpotifyUnauthorizedException(message, error.message());
            case 403 ->
                    new SpotifyFeatureUnavailableException(
                            endpoint.label(), status, error.message());
            case 404 ->
                    endpoint.gated()
                            ? new SpotifyFeatureUnavailableException(
                                    endpoint.label(), status, error.message())
                            : new SpotifyNotFoundException(message, error.message());
            case 429 -> rateLimited(message, error, RetryAfter.parse(retryAfterHeader));
            default ->
                    status >= 500
                            ? new SpotifyServerException(message, status, error.message())
                            : new SpotifyHttpException(
                                    message, status, error.message(), status == 408);
        };
    }

    /** The accounts service speaks OAuth: credential problems get their own, actionable error. */
    SpotifyException tokenError(int status, String reason, String retryAfterHeader, String body) {
        ErrorBody error = ErrorBody.parse(json, body);
        if ((status == 400 || status == 401)
                && (error.code() == null
                        ? status == 401
                        : CREDENTIAL_ERRORS.contains(error.code()))) {
            String why = error.describe() == null ? status + " " + reason : error.describe();
            return new SpotifyCredentialsException(
                    "Spotify rejected the client credentials ("
                            + why
                            + "); check SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET",
                    status,
                    error.message());
        }
        if (status == 429 || status >= 500) {
            return apiError(Endpoint.TOKEN, status, reason, retryAfterHeader, body);
        }
        return new SpotifyHttpException(
                describe(Endpoint.TOKEN.label(), status, reason, error.describe()),
                status,
                error.message(),
                false);
    }

    private static SpotifyRateLimitedException rateLimited(
            String message, ErrorBody error, Duration retryAfter) {
        String wait =
                retryAfter.isZero()
                        ? "no usable Retry-After"
                        : "Retry-After " + retryAfter.toSeconds() + " s";
        boolean quota = SpotifyRateLimitedException.QUOTA_EXCEEDED.equals(error.reason());
        return new SpotifyRateLimitedException(
                message + (quota ? ", quota exceeded" : "") + " (" + wait + ")",
                error.message(),
                retryAfter,
                quota);
    }

    private static String describe(String label, int status, String reason, String detail) {
        String base =
                "Spotify answered "
                        + status
                        + (reason == null || reason.isBlank() ? "" : " " + reason)
                        + " for "
                        + label;
        return detail == null ? base : base + ": " + detail;
    }
}
