package io.spotifyinsight.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one way an executable reads its environment: each method returns the variable's value, or its
 * default when it is unset or blank, and records a problem instead of throwing, so that {@link
 * #check} reports every bad variable at once. Problems read {@code NAME is 'value': expected WHAT
 * IS ACCEPTED}. Secrets must not go through the echoing methods: report them with {@link #problem}.
 *
 * <p>Libraries never use this; they take the records an executable builds with it.
 */
public final class EnvReader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    public EnvReader(Map<String, String> env) {
        this.env = env == null ? Map.of() : Map.copyOf(env);
    }

    /** The stripped value, or null when unset or blank. */
    public String text(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String text(String name, String fallback) {
        String value = text(name);
        return value == null ? fallback : value;
    }

    /** The value exactly as set (for values whose spaces matter), or null when unset or empty. */
    public String raw(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public boolean isSet(String name) {
        return text(name) != null;
    }

    /** The value; when unset, the problem {@code NAME is missing: HINT}. */
    public String required(String name, String hint) {
        String value = text(name);
        if (value == null) {
            problems.add(name + " is missing: " + hint);
        }
        return value;
    }

    public int wholeNumber(String name, int fallback, int min, int max) {
        return parsed(
                name,
                fallback,
                raw -> accepted(Integer.parseInt(raw), value -> value >= min && value <= max),
                "a whole number from " + min + " to " + max + " (default " + fallback + ")");
    }

    /**
     * A decimal number that {@code accepted} allows; {@code acceptedText} says which, with the
     * default.
     */
    public double number(
            String name, double fallback, DoublePredicate accepted, String acceptedText) {
        return parsed(
                name,
                fallback,
                raw ->
                        accepted(
                                Double.parseDouble(raw),
                                value -> !Double.isNaN(value) && accepted.test(value)),
                acceptedText);
    }

    private static <T extends Number> T accepted(T value, Predicate<T> rule) {
        if (!rule.test(value)) {
            throw new IllegalArgumentException("not accepted: " + value);
        }
        return value;
    }

    /**
     * The value as {@code parse} reads it; {@code parse} rejects a value by throwing a {@link
     * RuntimeException}, and the problem then names {@code acceptedText}.
     */
    public <T> T parsed(String name, T fallback, Function<String, T> parse, String acceptedText) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            return parse.apply(value);
        } catch (RuntimeException e) {
            invalid(name, value, acceptedText);
            return fallback;
        }
    }

    /** Records {@code NAME is 'value': expected ACCEPTED}. */
    public void invalid(String name, String value, String acceptedText) {
        problems.add(name + " is '" + value + "': expected " + acceptedText);
    }

    /** Records a problem worded by the caller (a secret's, or one across variables). */
    public void problem(String message) {
        problems.add(message);
    }

    /**
     * @throws ConfigException with every problem recorded so far, if any
     */
    public void check() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
