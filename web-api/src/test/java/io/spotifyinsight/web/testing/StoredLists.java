package io.spotifyinsight.web.testing;

import io.spotifyinsight.persistence.recommendation.DayToStore;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.testing.TestTracks;
import io.spotifyinsight.persistence.user.UserRepository;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Users and their daily lists of catalogue tracks ({@link TestTracks#tracks}), stored as a fetch
 * run stores them, for tests that only need "a user with a list".
 */
public final class StoredLists {
    private final UserRepository users;
    private final RecommendationRepository lists;

    public StoredLists(DSLContext dsl) {
        this.users = new UserRepository(dsl);
        this.lists = new RecommendationRepository(dsl);
    }

    /** Creates an active user; returns its id. */
    public long user(String username) {
        return users.create(TestTracks.user(username)).id();
    }

    /** Stores (or replaces) the user's list of {@code count} tracks numbered from {@code first}. */
    public void day(
            long user,
            LocalDate date,
            Strategy strategy,
            OffsetDateTime fetchedAt,
            int first,
            int count) {
        day(
                user,
                date,
                strategy,
                fetchedAt,
                TestTracks.recommended(TestTracks.tracks(first, count)));
    }

    /** Stores (or replaces) the user's list of {@code tracks}, in their order. */
    public void day(
            long user,
            LocalDate date,
            Strategy strategy,
            OffsetDateTime fetchedAt,
            List<RecommendedTrack> tracks) {
        lists.storeDay(new DayToStore(user, date, strategy, null, fetchedAt, tracks));
    }
}
