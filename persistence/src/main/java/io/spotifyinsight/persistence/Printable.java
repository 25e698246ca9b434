package io.spotifyinsight.persistence;

/** Any value a user typed (a username, market, seed, format), as it may be echoed in a message. */
public final class Printable {
    private static final int MAX_LENGTH = 80;

    private Printable() {}

    /** Shortened to 80 characters, control characters as {@code ?}; empty for null. */
    public static String of(String value) {
        return of(value, MAX_LENGTH);
    }

    /**
     * Shortened to {@code maxLength} characters ("..." ending a shortened one), control characters
     * as {@code ?}; empty for null. Only what is kept is scanned.
     */
    public static String of(String value, int maxLength) {
        if (value == null) {
            return "";
        }
        boolean shortened = value.length() > maxLength;
        String kept = shortened ? value.substring(0, maxLength - 3) : value;
        String cleaned =
                kept.codePoints()
                        .map(c -> Character.isISOControl(c) ? '?' : c)
                        .collect(
                                StringBuilder::new,
                                StringBuilder::appendCodePoint,
                                StringBuilder::append)
                        .toString();
        return shortened ? cleaned + "..." : cleaned;
    }
}
