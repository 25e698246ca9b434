package io.spotifyinsight.spotify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an error body told us. Spotify uses two shapes: the Web API's {@code
 * {"error":{"status":400,"message":"..."}}} (message optional) and the accounts service's OAuth
 * {@code {"error":"invalid_client","error_description":"..."}}. Bodies may also be empty or not
 * JSON at all; then both fields are null.
 */
record ErrorBody(String code, String message, String reason) {

    static final ErrorBody NONE = new ErrorBody(null, null, null);

    static ErrorBody parse(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (Exception notJson) {
            return NONE;
        }
        if (root == null || !root.isObject()) {
            return NONE;
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            // "reason" is sent with a spent quota since July 2026: QUOTA_EXCEEDED
            return new ErrorBody(null, text(error.get("message")), text(error.get("reason")));
        }
        if (error != null && error.isTextual()) {
            return new ErrorBody(error.asText(), text(root.get("error_description")), null);
        }
        return NONE;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** Code and description for messages, e.g. {@code invalid_client: Invalid client secret}. */
    String describe() {
        if (code != null && message != null) {
            return code + ": " + message;
        }
        return code != null ? code : message;
    }
}
