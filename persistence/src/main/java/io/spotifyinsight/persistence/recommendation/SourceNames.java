package io.spotifyinsight.persistence.recommendation;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The names of third-party sources as stored in comma lists ({@code missing_sources}, {@code
 * unavailable_sources}): lower-case words, sorted, without repeats. Persistence does not know which
 * sources exist; it only keeps the names well-formed.
 */
public final class SourceNames {
    private static final Pattern NAME = Pattern.compile("^[a-z]+$");

    private SourceNames() {}

    /** Sorted, without repeats; throws if a name is not a lower-case word. */
    public static List<String> normalise(Collection<String> names) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String name : names) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "a source name is a lower-case word, got '" + name + "'");
            }
            sorted.add(name);
        }
        return List.copyOf(sorted);
    }

    public static String join(List<String> names) {
        return String.join(",", names);
    }

    public static List<String> split(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(","));
    }
}
