package io.spotifyinsight.spotify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.spotify.error.SpotifyDecodingException;
import java.util.function.Predicate;

/**
 * Checked access to a JSON tree: every missing or mistyped field becomes a {@link
 * SpotifyDecodingException} naming the path (e.g. {@code tracks[3].album.name}), never a
 * NullPointerException.
 *
 * @param source what the body answered, for messages, e.g. {@code GET /v1/search}
 */
record JsonReader(String source) {

    JsonNode object(JsonNode parent, String field, String path) {
        return required(parent, field, path, Kind.OBJECT);
    }

    JsonNode array(JsonNode parent, String field, String path) {
        return required(parent, field, path, Kind.ARRAY);
    }

    JsonNode element(JsonNode array, int index, String path) {
        JsonNode node = array.get(index);
        if (node == null || !node.isObject()) {
            throw fail(path + "[" + index + "]", "an object", node);
        }
        return node;
    }

    String text(JsonNode parent, String field, String path) {
        return required(parent, field, path, Kind.STRING).asText();
    }

    /** A string, or null when absent or JSON null. */
    String optionalText(JsonNode parent, String field, String path) {
        JsonNode node = optional(parent, field, path, Kind.STRING_OR_NULL);
        return node == null ? null : node.asText();
    }

    /**
     * A string inside an optional object, e.g. {@code external_ids.isrc}: null when the object is
     * absent or not an object, or the string is absent or JSON null.
     */
    String nestedText(JsonNode parent, String object, String field, String path) {
        JsonNode node = parent.get(object);
        return node != null && node.isObject()
                ? optionalText(node, field, path + "." + object)
                : null;
    }

    int integer(JsonNode parent, String field, String path) {
        return required(parent, field, path, Kind.INTEGER).asInt();
    }

    boolean bool(JsonNode parent, String field, String path, boolean fallback) {
        JsonNode node = optional(parent, field, path, Kind.BOOLEAN);
        return node == null ? fallback : node.asBoolean();
    }

    /** The field if it is of {@code kind}, else a decoding failure. */
    private JsonNode required(JsonNode parent, String field, String path, Kind kind) {
        JsonNode node = parent.get(field);
        if (node == null || !kind.accepts.test(node)) {
            throw fail(path + "." + field, kind.expected, node);
        }
        return node;
    }

    /** As {@link #required}, but null when the field is absent or JSON null. */
    private JsonNode optional(JsonNode parent, String field, String path, Kind kind) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : required(parent, field, path, kind);
    }

    /** What a field may be asked to be, with the words a failure uses for it. */
    private enum Kind {
        OBJECT(JsonNode::isObject, "an object"),
        ARRAY(JsonNode::isArray, "an array"),
        STRING(JsonNode::isTextual, "a string"),
        STRING_OR_NULL(JsonNode::isTextual, "a string or null"),
        INTEGER(node -> node.isIntegralNumber() && node.canConvertToInt(), "an integer"),
        BOOLEAN(JsonNode::isBoolean, "a boolean");

        private final Predicate<JsonNode> accepts;
        private final String expected;

        Kind(Predicate<JsonNode> accepts, String expected) {
            this.accepts = accepts;
            this.expected = expected;
        }
    }

    private SpotifyDecodingException fail(String path, String expected, JsonNode found) {
        return new SpotifyDecodingException(
                JsonMismatch.message("Spotify", source, path, expected, found), 200, null);
    }
}
