package io.spotifyinsight.sources;

import java.util.List;
import java.util.regex.Pattern;

/** Input checks shared by the source clients; each message says what is accepted. */
final class Inputs {

    private static final Pattern SPOTIFY_ID = Pattern.compile("^[0-9A-Za-z]{22}$");

    /**
     * Two letters (country), three letters or digits (registrant), seven digits (year and code).
     */
    private static final Pattern ISRC = Pattern.compile("^[A-Z]{2}[0-9A-Z]{3}[0-9]{7}$");

    private static final Pattern UUID =
            Pattern.compile(
                    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
                            + "-[0-9a-fA-F]{12}$");

    private Inputs() {}

    static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static String nonBlank(String name, String value) {
        accept(value != null && !value.isBlank(), name, "a non-blank name", value);
        return value.strip();
    }

    static boolean isSpotifyId(String value) {
        return value != null && SPOTIFY_ID.matcher(value).matches();
    }

    static boolean isUuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    static String spotifyId(String name, String value) {
        accept(isSpotifyId(value), name, "a bare Spotify id (22 letters and digits)", value);
        return value;
    }

    /**
     * The ISRC in its compact form (upper case, without the hyphens or spaces it is often printed
     * with), or null when the value is not one: catalogues' ISRC data is not always clean.
     */
    static String compactIsrc(String value) {
        if (value == null) {
            return null;
        }
        String compact = value.replaceAll("[-\\s]", "").toUpperCase(java.util.Locale.ROOT);
        return ISRC.matcher(compact).matches() ? compact : null;
    }

    static String isrc(String name, String value) {
        String compact = compactIsrc(value);
        accept(compact != null, name, "an ISRC of 12 characters such as USUG12103683", value);
        return compact;
    }

    static String uuid(String name, String value) {
        accept(isUuid(value), name, "a UUID such as 0b2cf5a0-1d2c-4f4e-9e8f-1a2b3c4d5e6f", value);
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * {@code values} as a copy, with 1..max elements, each accepted by {@code check}.
     *
     * @param accepted what each element may be, for the message
     */
    static List<String> ids(
            String name,
            List<String> values,
            int max,
            java.util.function.Predicate<String> check,
            String accepted) {
        if (values == null || values.isEmpty() || values.size() > max) {
            throw new IllegalArgumentException(
                    name
                            + " must hold 1 to "
                            + max
                            + " ids, was "
                            + (values == null ? "null" : values.size()));
        }
        for (String value : values) {
            if (!check.test(value)) {
                throw new IllegalArgumentException(
                        name + " must hold only " + accepted + ", has " + quote(value));
            }
        }
        return List.copyOf(values);
    }

    /** Throws "{name} must be {what}, was '{value}'" unless {@code accepted}. */
    private static void accept(boolean accepted, String name, String what, String value) {
        if (!accepted) {
            throw new IllegalArgumentException(name + " must be " + what + ", was " + quote(value));
        }
    }

    private static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
