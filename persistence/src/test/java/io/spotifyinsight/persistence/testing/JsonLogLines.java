package io.spotifyinsight.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * An executable's {@code LOG_FORMAT=json} output read back: one JSON object per line, each with the
 * fields every event has (timestamp, level, logger, message, thread).
 */
public final class JsonLogLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLogLines() {}

    /**
     * The events of {@code log}, blank lines skipped; fails the test at the first line that is not
     * such an object.
     */
    public static List<JsonNode> events(String log) {
        return log.lines().filter(line -> !line.isEmpty()).map(JsonLogLines::event).toList();
    }

    private static JsonNode event(String line) {
        JsonNode event;
        try {
            event = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
        assertThat(event.isObject()).as(line).isTrue();
        assertThat(event.fieldNames())
                .toIterable()
                .as(line)
                .contains("timestamp", "level", "logger", "message", "thread");
        return event;
    }
}
