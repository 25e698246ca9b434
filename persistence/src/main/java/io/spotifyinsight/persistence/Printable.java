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
     * At most {@code maxLength} characters (code points, so that an emoji is one and is never cut
     * in half): a longer value keeps {@code maxLength - 3} and ends in "..."; control characters as
     * {@code ?}; empty for null.
     */
    public static String of(String value, int maxLength) {
        if (value == null) {
            return "";
        }
        boolean shortened = value.codePointCount(0, value.length()) > maxLength;
        StringBuilder cleaned = new StringBuilder();
        value.codePoints()
                .limit(shortened ? maxLength - 3 : maxLength)
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .forEach(cleaned::appendCodePoint);
        return shortened ? cleaned + "..." : cleaned.toString();
    }
}
