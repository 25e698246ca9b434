package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.cli.UsageException;
import io.spotifyinsight.persistence.user.Seeds;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.persistence.user.UserSettings;
import io.spotifyinsight.persistence.user.Usernames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small text helpers shared by the users commands. */
final class UserText {
    private UserText() {
    }

    static String seeds(Seeds seeds) {
        List<String> parts = new ArrayList<>();
        seeds.artists().forEach(a -> parts.add("artist:" + a));
        seeds.genres().forEach(g -> parts.add("genre:" + g));
        seeds.tracks().forEach(t -> parts.add("track:" + t));
        return String.join(" ", parts);
    }

    static String summary(UserAlias user) {
        return user.username() + " (" + (user.active() ? "active" : "disabled") + ", market "
                + (user.market() == null ? "none" : user.market()) + ", limit " + user.trackLimit() + ", seeds "
                + seeds(user.seeds()) + ")";
    }

    static String username(String name) {
        if (!Usernames.isValid(name)) {
            throw new UsageException("invalid username '" + Usernames.printable(name) + "': a username is " + Usernames.RULE);
        }
        return name;
    }

    /** Upper-cases a country code, so that "se" works; the settings check the form. */
    static String market(String market) {
        return market == null ? null : market.strip().toUpperCase(Locale.ROOT);
    }

    /** Builds settings, turning a broken rule (limit, market) into a usage error. */
    static UserSettings settings(String username, boolean active, String market, int limit, Seeds seeds) {
        try {
            return new UserSettings(username, active, market, limit, seeds);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
