package io.spotifyinsight.spotify.internal;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The {@code toString} of a record that holds a secret: the record's own format, {@code Name[a=1,
 * b=2]}, with the named components shown as given instead of their values. Only what must be hidden
 * is named, so a component added later shows up without anyone listing it; one whose name says it
 * is a secret (a key, password, secret or token) is shown as {@value #REDACTED} even when no one
 * named it, so a credential added later cannot be printed by mistake.
 */
public final class RecordText {
    public static final String REDACTED = "<redacted>";

    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(key|password|secret|token).*");

    private RecordText() {}

    /**
     * @param shownAs what to print instead of a component's value, by component name
     * @throws IllegalArgumentException if a name in {@code shownAs} is not a component (a renamed
     *     component must not silently show its secret)
     */
    public static String of(Record record, Map<String, String> shownAs) {
        Class<?> type = record.getClass();
        StringJoiner text = new StringJoiner(", ", type.getSimpleName() + "[", "]");
        Set<String> unused = new HashSet<>(shownAs.keySet());
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            unused.remove(name);
            Object shown =
                    shownAs.containsKey(name)
                            ? shownAs.get(name)
                            : SECRET_NAME.matcher(name).matches()
                                    ? REDACTED
                                    : value(record, component);
            text.add(name + "=" + shown);
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no " + unused);
        }
        return text.toString();
    }

    private static Object value(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
