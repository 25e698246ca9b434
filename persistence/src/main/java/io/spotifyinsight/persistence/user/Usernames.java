package io.spotifyinsight.persistence.user;

import io.spotifyinsight.persistence.Printable;
import java.util.regex.Pattern;

/** The rule for user alias names, shared by the CLI, the API and the schema's CHECK constraint. */
public final class Usernames {
    /**
     * 1 to 64 characters: lower-case ASCII letters, digits, '.', '_' and '-', starting with a
     * letter or digit.
     */
    public static final Pattern PATTERN = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    public static final String RULE =
            "1 to 64 characters: lower-case letters a-z, digits, '.', '_' or '-', starting with a"
                    + " letter or digit";

    private Usernames() {}

    public static boolean isValid(String username) {
        return username != null && PATTERN.matcher(username).matches();
    }

    /** Returns the username or throws with a message that shows the rule. */
    public static String requireValid(String username) {
        if (!isValid(username)) {
            throw new IllegalArgumentException(
                    "invalid username '" + Printable.of(username) + "': a username is " + RULE);
        }
        return username;
    }
}
