package io.spotifyinsight.fetcher.engine;

import io.spotifyinsight.persistence.user.UserAlias;
import java.time.LocalDate;
import java.util.Set;

/**
 * Turns a user's seeds into a list of tracks for a date. Implementations are created per run (they
 * may remember what they learnt about the Spotify app during the run) and called from several
 * threads at once. Every strategy honours the alias's exclusions and avoids the tracks it was
 * recommended recently while other candidates exist.
 */
public interface RecommendationStrategy {
    /**
     * @param recentTrackIds tracks recommended to the user within the no-repeat window before the
     *     date
     * @throws io.spotifyinsight.spotify.error.SpotifyException when Spotify fails; the job decides
     *     whether that stops the user or the whole run
     */
    DayList fetch(UserAlias user, LocalDate date, Set<String> recentTrackIds);
}
