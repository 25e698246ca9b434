package io.spotifyinsight.spotify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.spotify.error.SpotifyDecodingException;

/**
 * Checked access to a JSON tree: every missing or mistyped field becomes a {@link
 * SpotifyDecodingException} naming the path (e.g. {@code tracks[3].album.name}), never a
 * NullPointerException.
 */
final class JsonReader {

    private final String source;

    /**
     * @param source what the body answered, for messages, e.g. {@code GET /v1/search}
     */
    JsonReader(String source) {
        this.source = source;
    }

    JsonNode object(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw fail(path + "." + field, "an object", node);
        }
        return node;
    }

    JsonNode array(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw fail(path + "." + field, "an array", node);
        }
        return node;
    }

    JsonNode element(JsonNode array, int index, String path) {
        JsonNode node = array.get(index);
        if (node == null || !node.isObject()) {
            throw fail(path + "[" + index + "]", "an object", node);
        }
        return node;
    }

    String text(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw fail(path + "." + field, "a string", node);
        }
        return node.asText();
    }

    /** A string, or null when absent or JSON null. */
    String optionalText(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw fail(path + "." + field, "a string or null", node);
        }
        return node.asText();
    }

    int integer(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw fail(path + "." + field, "an integer", node);
        }
        return node.asInt();
    }

    boolean bool(JsonNode parent, String field, String path, boolean fallback) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw fail(path + "." + field, "a boolean", node);
        }
        return node.asBoolean();
    }

    private SpotifyDecodingException fail(String path, String expected, JsonNode found) {
        return new SpotifyDecodingException(
                JsonMismatch.message("Spotify", source, path, expected, found), 200, null);
    }
}
