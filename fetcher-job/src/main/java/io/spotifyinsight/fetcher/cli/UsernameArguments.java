package io.spotifyinsight.fetcher.cli;

import io.spotifyinsight.persistence.Printable;
import io.spotifyinsight.persistence.user.Usernames;

/** The one wording for a username on the command line that breaks the rule. */
public final class UsernameArguments {
    private UsernameArguments() {}

    /**
     * @return {@code name}, when it is a valid username
     * @throws UsageException naming the rule
     */
    public static String check(String name) {
        return check(name, "");
    }

    /**
     * @param option the option that gave {@code name}, such as {@code --user}
     */
    public static String check(String name, String option) {
        if (!Usernames.isValid(name)) {
            throw new UsageException(
                    "invalid username '"
                            + Printable.of(name)
                            + "'"
                            + (option.isEmpty() ? "" : " for " + option)
                            + ": a username is "
                            + Usernames.RULE);
        }
        return name;
    }
}
