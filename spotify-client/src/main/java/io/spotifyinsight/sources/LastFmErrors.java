package io.spotifyinsight.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.sources.error.SourceException;
import io.spotifyinsight.sources.error.SourceKeyException;
import io.spotifyinsight.sources.error.SourceNotFoundException;
import io.spotifyinsight.sources.error.SourceRateLimitedException;
import io.spotifyinsight.sources.error.SourceRequestException;
import io.spotifyinsight.sources.error.SourceServerException;
import io.spotifyinsight.sources.internal.BodyCheck;
import io.spotifyinsight.sources.internal.Redaction;
import java.time.Duration;

/**
 * Last.fm reports errors as {@code {"error":N,"message":"..."}}, usually with HTTP 200 and
 * sometimes with a 4xx: this maps N to the exception the caller can act on. Pure.
 */
final class LastFmErrors implements BodyCheck {

    static final int NOT_FOUND = 6;
    static final int INVALID_KEY = 10;
    static final int SUSPENDED_KEY = 26;
    static final int RATE_LIMITED = 29;
    // 8 "operation failed", 11 "service offline", 16 "temporarily unavailable": worth a retry
    private static final java.util.Set<Integer> TRANSIENT = java.util.Set.of(8, 11, 16);

    private final String apiKey;

    LastFmErrors(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public SourceException check(String label, int status, JsonNode root, Duration retryAfter) {
        JsonNode error = root.get("error");
        if (error == null || error.isNull()) {
            return null;
        }
        int code = code(error);
        if (code < 0) {
            return null; // not Last.fm's error shape; the status decides
        }
        JsonNode text = root.get("message");
        String lastFmMessage =
                text != null && text.isTextual() && !text.asText().isBlank()
                        ? Redaction.redact(text.asText().strip(), apiKey)
                        : "no message";
        String message =
                "Last.fm answered error "
                        + code
                        + " ("
                        + lastFmMessage
                        + ") with HTTP "
                        + status
                        + " for "
                        + label;
        SourceService lastfm = SourceService.LASTFM;
        return switch (code) {
            case NOT_FOUND -> new SourceNotFoundException(lastfm, message, status);
            case INVALID_KEY, SUSPENDED_KEY ->
                    new SourceKeyException(
                            lastfm,
                            "Last.fm rejected the API key: "
                                    + (code == INVALID_KEY ? "invalid" : "suspended")
                                    + " (error "
                                    + code
                                    + ": "
                                    + lastFmMessage
                                    + "). Set LASTFM_API_KEY to a valid key of your own from"
                                    + " https://www.last.fm/api/account/create (shared keys get"
                                    + " suspended), or unset it to run without Last.fm.",
                            status,
                            code);
            case RATE_LIMITED ->
                    new SourceRateLimitedException(lastfm, message, status, retryAfter);
            default ->
                    TRANSIENT.contains(code)
                            ? new SourceServerException(lastfm, message, status)
                            : new SourceRequestException(lastfm, message, status);
        };
    }

    /** The numeric code, given as a number or a numeric string; -1 when it is neither. */
    private static int code(JsonNode error) {
        if (error.isIntegralNumber() && error.canConvertToInt()) {
            return error.asInt();
        }
        if (error.isTextual()) {
            try {
                return Integer.parseInt(error.asText().strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }
}
