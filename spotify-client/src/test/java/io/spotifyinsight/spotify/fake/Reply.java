package io.spotifyinsight.spotify.fake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fake answers, before it becomes a MockResponse. {@code dropConnection} sends nothing.
 * Public for the fakes of the recommendation sources.
 */
public record Reply(int status, String body, Map<String, String> headers, boolean dropConnection) {

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
