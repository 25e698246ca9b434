package io.spotifyinsight.spotify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.spotify.error.SpotifyDecodingException;
import java.util.function.Predicate;

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
        return required(parent, field, path, JsonNode::isObject, "an object");
    }

    JsonNode array(JsonNode parent, String field, String path) {
        return required(parent, field, path, JsonNode::isArray, "an array");
    }

    JsonNode element(JsonNode array, int index, String path) {
        JsonNode node = array.get(index);
        if (node == null || !node.isObject()) {
            throw fail(path + "[" + index + "]", "an object", node);
        }
        return node;
    }

    String text(JsonNode parent, String field, String path) {
        return required(parent, field, path, JsonNode::isTextual, "a string").asText();
    }

    /** A string, or null when absent or JSON null. */
    String optionalText(JsonNode parent, String field, String path) {
        JsonNode node = optional(parent, field, path, JsonNode::isTextual, "a string or null");
        return node == null ? null : node.asText();
    }

    int integer(JsonNode parent, String field, String path) {
        return required(parent, field, path, JsonReader::isInt, "an integer").asInt();
    }

    boolean bool(JsonNode parent, String field, String path, boolean fallback) {
        JsonNode node = optional(parent, field, path, JsonNode::isBoolean, "a boolean");
        return node == null ? fallback : node.asBoolean();
    }

    /** The field when {@code accepted} says it has the right type, else a decoding failure. */
    private JsonNode required(
            JsonNode parent,
            String field,
            String path,
            Predicate<JsonNode> accepted,
            String expected) {
        JsonNode node = parent.get(field);
        if (node == null || !accepted.test(node)) {
            throw fail(path + "." + field, expected, node);
        }
        return node;
    }

    /** As {@link #required}, but null when the field is absent or JSON null. */
    private JsonNode optional(
            JsonNode parent,
            String field,
            String path,
            Predicate<JsonNode> accepted,
            String expected) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull()
                ? null
                : required(parent, field, path, accepted, expected);
    }

    private static boolean isInt(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToInt();
    }

    private SpotifyDecodingException fail(String path, String expected, JsonNode found) {
        return new SpotifyDecodingException(
                JsonMismatch.message("Spotify", source, path, expected, found), 200, null);
    }
}
