package io.spotifyinsight.spotify.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fake answers, before it becomes a MockResponse. {@code dropConnection} sends nothing.
 * Public for the fakes of the recommendation sources.
 */
public record Reply(int status, String body, Map<String, String> headers, boolean dropConnection) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A JSON reply with {@code body} serialised as the fakes send it. */
    public static Reply json(int status, JsonNode body) {
        return json(status, text(body));
    }

    /** {@code node} as JSON text. */
    public static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Reply json(int status, String body) {
        return new Reply(
                status, body, Map.of("Content-Type", "application/json; charset=utf-8"), false);
    }

    public static Reply empty(int status) {
        return new Reply(status, "", Map.of(), false);
    }

    public static Reply dropped() {
        return new Reply(0, "", Map.of(), true);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, body, copy, dropConnection);
    }
}
