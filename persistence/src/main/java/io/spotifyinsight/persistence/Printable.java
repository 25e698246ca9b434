package io.spotifyinsight.persistence;

/** Any value a user typed (a username, market, seed, format), as it may be echoed in a message. */
public final class Printable {
    private Printable() {}

    /** Shortened to 80 characters, control characters as {@code ?}; empty for null. */
    public static String of(String value) {
        if (value == null) {
            return "";
        }
        String cleaned =
                value.codePoints()
                        .map(c -> Character.isISOControl(c) ? '?' : c)
                        .collect(
                                StringBuilder::new,
                                StringBuilder::appendCodePoint,
                                StringBuilder::append)
                        .toString();
        return cleaned.length() > 80 ? cleaned.substring(0, 77) + "..." : cleaned;
    }
}
