package io.spotifyinsight.fetcher.user;

import io.spotifyinsight.fetcher.cli.UsageException;
import io.spotifyinsight.persistence.user.Exclusions;
import io.spotifyinsight.persistence.user.Seeds;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.persistence.user.UserSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small text helpers shared by the users commands. */
final class UserText {
    private UserText() {}

    static String seeds(Seeds seeds) {
        List<String> parts = new ArrayList<>();
        seeds.artists().forEach(a -> parts.add("artist:" + a));
        seeds.genres().forEach(g -> parts.add("genre:" + g));
        seeds.tracks().forEach(t -> parts.add("track:" + t));
        return String.join(" ", parts);
    }

    /** "2 artists, 1 track", or "none". */
    static String exclusionCount(Exclusions exclusions) {
        if (exclusions.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (!exclusions.artists().isEmpty()) {
            parts.add(count(exclusions.artists().size(), "artist"));
        }
        if (!exclusions.tracks().isEmpty()) {
            parts.add(count(exclusions.tracks().size(), "track"));
        }
        return String.join(", ", parts);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String summary(UserAlias user) {
        return user.settings().username()
                + " ("
                + (user.settings().active() ? "active" : "disabled")
                + ", market "
                + (user.settings().market() == null ? "none" : user.settings().market())
                + ", limit "
                + user.settings().trackLimit()
                + ", seeds "
                + seeds(user.settings().seeds())
                + ", excluded "
                + exclusionCount(user.settings().exclusions())
                + ")";
    }

    /** Upper-cases a country code, so that "se" works; the settings check the form. */
    static String market(String market) {
        return market == null ? null : market.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Builds settings, turning a broken rule (limit, market) into a usage error. An artist or track
     * that is both a seed and excluded is refused too: the alias would ask for what it forbids.
     */
    static UserSettings settings(
            String username,
            boolean active,
            String market,
            int limit,
            Seeds seeds,
            Exclusions exclusions) {
        List<String> conflicts = new ArrayList<>();
        conflicts(seeds.artists(), exclusions.artists(), "artist", conflicts);
        conflicts(seeds.tracks(), exclusions.tracks(), "track", conflicts);
        if (!conflicts.isEmpty()) {
            throw new UsageException(String.join("\n", conflicts));
        }
        try {
            return new UserSettings(username, active, market, limit, seeds, exclusions);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void conflicts(
            List<String> seeds, List<String> excluded, String kind, List<String> problems) {
        for (String id : seeds) {
            if (excluded.contains(id)) {
                problems.add(
                        kind
                                + " "
                                + id
                                + " is both a seed (--"
                                + kind
                                + ") and excluded (--exclude-"
                                + kind
                                + "): drop it from the seeds or from the exclusions");
            }
        }
    }
}
