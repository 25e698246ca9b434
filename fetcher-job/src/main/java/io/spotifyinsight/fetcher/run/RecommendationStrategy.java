package io.spotifyinsight.fetcher.run;

import io.spotifyinsight.persistence.user.UserAlias;
import java.time.LocalDate;

/**
 * Turns a user's seeds into a list of tracks for a date. Implementations are created per run (they
 * may remember what they learnt about the Spotify app during the run) and called from several
 * threads at once.
 */
public interface RecommendationStrategy {
    /**
     * @throws io.spotifyinsight.spotify.error.SpotifyException when Spotify fails; the job decides
     *     whether that stops the user or the whole run
     */
    DayList fetch(UserAlias user, LocalDate date);
}
