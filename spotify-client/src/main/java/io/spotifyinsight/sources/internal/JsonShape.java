package io.spotifyinsight.sources.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.sources.error.SourceDecodingException;
import io.spotifyinsight.spotify.internal.JsonMismatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads the loosely typed JSON the sources send: numbers as numbers or strings, a one-element list
 * as a single object, empty strings for absent values. A shape it cannot read becomes a {@link
 * SourceDecodingException} naming the path (e.g. {@code similarartists.artist[2].name}), never a
 * NullPointerException.
 *
 * @param source what was called, for messages, e.g. {@code GET artist.getSimilar}
 */
public record JsonShape(SourceService service, String source) {

    /** An object, or null when absent, JSON null or an empty string. */
    public JsonNode optionalObject(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw fail(path + "." + field, "an object", node);
        }
        return node;
    }

    /**
     * The elements of a list that may be missing (empty), an array, or a single object (one
     * element). An empty or blank string also means empty, as Last.fm sends for no results.
     */
    public List<JsonNode> list(JsonNode parent, String field, String path) {
        return elements(parent.get(field), path + "." + field);
    }

    /**
     * The elements of {@link #list}, each read by {@code read} with its path (e.g. {@code
     * toptags.tag[2]}); elements it reads as null are left out.
     */
    public <T> List<T> listOf(
            JsonNode parent, String field, String path, BiFunction<JsonNode, String, T> read) {
        return each(list(parent, field, path), path + "." + field, read);
    }

    /**
     * {@code items} each read by {@code read} with its path, {@code path[i]}; elements it reads as
     * null are left out.
     */
    public static <T> List<T> each(
            List<JsonNode> items, String path, BiFunction<JsonNode, String, T> read) {
        List<T> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            T value = read.apply(items.get(i), path + "[" + i + "]");
            if (value != null) {
                result.add(value);
            }
        }
        return List.copyOf(result);
    }

    /** As {@link #list} for a node already in hand, e.g. a body that is a bare array. */
    public List<JsonNode> elements(JsonNode node, String path) {
        if (absent(node)) {
            return List.of();
        }
        if (node.isObject()) {
            return List.of(node);
        }
        if (!node.isArray()) {
            throw fail(path, "an array or an object", node);
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item == null || item.isNull()) {
                continue;
            }
            if (!item.isObject()) {
                throw fail(path + "[" + i + "]", "an object", item);
            }
            items.add(item);
        }
        return items;
    }

    /** A non-blank string (a number is accepted as its text). */
    public String text(JsonNode parent, String field, String path) {
        String value = optionalText(parent, field, path);
        if (value == null) {
            throw fail(path + "." + field, "a non-empty string", parent.get(field));
        }
        return value;
    }

    /** A string, or null when absent, JSON null or blank; numbers are accepted as their text. */
    public String optionalText(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw fail(path + "." + field, "a string", node);
        }
        String value = node.asText().strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * A string inside a field that may be an object, e.g. an artist's {@code mbid} where Last.fm
     * sends the artist as an object or a plain string: null unless the field is an object with it.
     */
    public String nestedText(JsonNode parent, String object, String field, String path) {
        JsonNode node = parent.get(object);
        return node != null && node.isObject()
                ? optionalText(node, field, path + "." + object)
                : null;
    }

    /** A number given as a JSON number or a numeric string; {@code fallback} when absent/empty. */
    public double number(JsonNode parent, String field, String path, double fallback) {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return fallback;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                double value = Double.parseDouble(node.asText().strip());
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw fail(path + "." + field, "a number", node);
    }

    /** As {@link #number}, rounded and clamped to int. */
    public int integer(JsonNode parent, String field, String path, int fallback) {
        double value = number(parent, field, path, fallback);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(value)));
    }

    public SourceDecodingException fail(String path, String expected, JsonNode found) {
        return new SourceDecodingException(
                service,
                JsonMismatch.message(service.displayName(), source, path, expected, found),
                200,
                null);
    }

    private static boolean absent(JsonNode node) {
        return node == null
                || node.isNull()
                || node.isMissingNode()
                || (node.isTextual() && node.asText().isBlank());
    }
}
