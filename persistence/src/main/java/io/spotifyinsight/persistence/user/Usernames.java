package io.spotifyinsight.persistence.user;

import java.util.regex.Pattern;

/** The rule for user alias names, shared by the CLI, the API and the schema's CHECK constraint. */
public final class Usernames {
    /** 1 to 64 characters: lower-case ASCII letters, digits, '.', '_' and '-', starting with a letter or digit. */
    public static final Pattern PATTERN = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    public static final String RULE =
            "1 to 64 characters: lower-case letters a-z, digits, '.', '_' or '-', starting with a letter or digit";

    private Usernames() {
    }

    public static boolean isValid(String username) {
        return username != null && PATTERN.matcher(username).matches();
    }

    /** Returns the username or throws with a message that shows the rule. */
    public static String requireValid(String username) {
        if (!isValid(username)) {
            throw new IllegalArgumentException("invalid username '" + printable(username) + "': a username is " + RULE);
        }
        return username;
    }

    /** A username as it may be echoed in a message: shortened and without control characters. */
    public static String printable(String value) {
        if (value == null) {
            return "";
        }
        String cleaned = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return cleaned.length() > 80 ? cleaned.substring(0, 77) + "..." : cleaned;
    }
}
