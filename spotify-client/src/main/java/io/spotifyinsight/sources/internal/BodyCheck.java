package io.spotifyinsight.sources.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.sources.error.SourceException;
import java.time.Duration;

/**
 * Recognises errors a source reports inside a JSON body, whatever the HTTP status (Last.fm answers
 * 200 with {@code {"error":6,...}}).
 */
@FunctionalInterface
public interface BodyCheck {

    BodyCheck NONE = (label, status, root, retryAfter) -> null;

    /**
     * @param label what was called, for the message, e.g. {@code GET artist.getSimilar}
     * @param root the parsed body, never null
     * @param retryAfter the parsed {@code Retry-After}, zero when absent
     * @return the error the body reports, or null when it reports none
     */
    SourceException check(String label, int status, JsonNode root, Duration retryAfter);
}
