package io.spotifyinsight.fetcher.strategy;

import io.spotifyinsight.fetcher.engine.DayList;
import io.spotifyinsight.fetcher.engine.RecommendationStrategy;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.spotify.error.SpotifyFeatureUnavailableException;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code auto} strategy: Spotify's recommendations while the app has them; after the first "no
 * access" answer, the fallback (the blend) for every user for the rest of the run. Users racing on
 * the first call may each get that answer; the warning is still logged once.
 *
 * <p>A user whose seeds {@code /v1/recommendations} does not accept (a genre such as {@code hip
 * hop}: the users commands accept it, because search takes any genre) goes through the fallback
 * too, for that user only; otherwise such a user would fail whenever the run has not switched yet.
 */
public final class AutoStrategy implements RecommendationStrategy {
    private static final Logger log = LoggerFactory.getLogger(AutoStrategy.class);
    static final String FALLBACK_WARNING =
            "This Spotify app has no access to /v1/recommendations "
                    + "(development mode since 2024-11-27); using the blend strategy for this run";

    private final RecommendationStrategy recommendations;
    private final RecommendationStrategy fallback;
    private final AtomicBoolean recommendationsUnavailable = new AtomicBoolean();

    public AutoStrategy(RecommendationStrategy recommendations, RecommendationStrategy fallback) {
        this.recommendations = recommendations;
        this.fallback = fallback;
    }

    @Override
    public DayList fetch(UserAlias user, LocalDate date, Set<String> recentTrackIds) {
        if (!recommendationsUnavailable.get()) {
            try {
                return recommendations.fetch(user, date, recentTrackIds);
            } catch (SpotifyFeatureUnavailableException e) {
                if (recommendationsUnavailable.compareAndSet(false, true)) {
                    log.warn(
                            "{} (Spotify answered {} for {})",
                            FALLBACK_WARNING,
                            e.status(),
                            e.endpoint());
                }
            } catch (IllegalArgumentException e) {
                // thrown before any request by RecommendationRequest's checks
                log.info(
                        "{}: seeds not accepted by /v1/recommendations ({}); using the fallback for"
                                + " this user",
                        user.settings().username(),
                        e.getMessage());
            }
        }
        return fallback.fetch(user, date, recentTrackIds);
    }

    /** Whether this run has switched to the fallback. */
    public boolean fellBack() {
        return recommendationsUnavailable.get();
    }
}
