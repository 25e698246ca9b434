package io.spotifyinsight.web.user;

import io.spotifyinsight.persistence.user.UserSettings;
import java.time.LocalDate;
import java.util.List;

/**
 * A user alias as GET /users shows it: what it is seeded with and its newest list's date (null if
 * none).
 */
public record UserView(
        String username, boolean active, String market, SeedsView seeds, LocalDate latestDate) {

    public record SeedsView(List<String> artists, List<String> genres, List<String> tracks) {}

    static UserView of(UserSettings user, LocalDate latestDate) {
        var seeds = user.seeds();
        return new UserView(
                user.username(),
                user.active(),
                user.market(),
                new SeedsView(seeds.artists(), seeds.genres(), seeds.tracks()),
                latestDate);
    }
}
