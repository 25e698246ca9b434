package io.spotifyinsight.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document, sent as {@code application/problem+json}. {@code type} is a stable
 * URN a client may switch on (an unknown user and a missing list are both 404, with different
 * types); {@code requestId} is the extension that ties a response to the server's log lines.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type, String title, int status, String detail, String instance, String requestId) {
    public static final String CONTENT_TYPE = "application/problem+json";

    /** The same problem, tied to the request {@code id}. */
    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, instance, id);
    }
}
