package io.spotifyinsight.spotify.fake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the fake answers, before it becomes a MockResponse. {@code dropConnection} sends nothing.
 */
record Reply(int status, String body, Map<String, String> headers, boolean dropConnection) {

    static Reply json(int status, String body) {
        return new Reply(
                status, body, Map.of("Content-Type", "application/json; charset=utf-8"), false);
    }

    static Reply empty(int status) {
        return new Reply(status, "", Map.of(), false);
    }

    static Reply dropped() {
        return new Reply(0, "", Map.of(), true);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, body, copy, dropConnection);
    }
}
