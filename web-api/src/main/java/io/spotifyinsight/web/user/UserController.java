package io.spotifyinsight.web.user;

import io.javalin.http.Context;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.persistence.user.UserRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * GET /users: every alias with its seeds and latest date, in three queries whatever the number of
 * users.
 */
public final class UserController {
    private final UserRepository users;
    private final RecommendationRepository recommendations;

    public UserController(UserRepository users, RecommendationRepository recommendations) {
        this.users = users;
        this.recommendations = recommendations;
    }

    /** The body of GET /users. */
    public record UsersView(List<UserView> users) {}

    public void list(Context ctx) {
        Map<String, LocalDate> latest = recommendations.latestDates();
        List<UserView> views =
                users.list().stream()
                        .map(UserAlias::settings)
                        .map(u -> UserView.of(u, latest.get(u.username())))
                        .toList();
        ctx.header("Cache-Control", "no-cache");
        ctx.json(new UsersView(views));
    }
}
