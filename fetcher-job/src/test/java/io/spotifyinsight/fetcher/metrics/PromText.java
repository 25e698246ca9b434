package io.spotifyinsight.fetcher.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Prometheus's text format back for assertions: every sample line as "name{labels}" to value,
 * failing on a line that is neither a sample, a HELP or TYPE comment, nor empty.
 */
final class PromText {
    private static final Pattern SAMPLE =
            Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*})?) (\\S+)");

    private PromText() {}

    static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (String line : lines) {
            if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("not a line of Prometheus's text format: '" + line + "'");
            }
            samples.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return samples;
    }

    /** The TYPE each metric family declares. */
    static Map<String, String> types(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        text.lines()
                .filter(l -> l.startsWith("# TYPE "))
                .map(l -> l.substring(7).split(" "))
                .forEach(parts -> types.put(parts[0], parts[1]));
        return types;
    }
}
