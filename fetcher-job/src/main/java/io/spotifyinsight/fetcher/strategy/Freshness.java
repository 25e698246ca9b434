package io.spotifyinsight.fetcher.strategy;

import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.spotify.model.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The alias's exclusions and the no-repeat rule for strategies that keep their source's order. */
final class Freshness {
    private Freshness() {}

    /**
     * Never an excluded track or a track by an excluded artist; recent tracks only to fill the
     * list.
     */
    static List<Track> preferFresh(
            List<Track> ordered, UserAlias user, Set<String> recentTrackIds, int limit) {
        List<Track> fresh = new ArrayList<>();
        List<Track> recent = new ArrayList<>();
        for (Track track : ordered) {
            if (excluded(track, user)) {
                continue;
            }
            (recentTrackIds.contains(track.id()) ? recent : fresh).add(track);
        }
        List<Track> result = new ArrayList<>(fresh.subList(0, Math.min(limit, fresh.size())));
        for (int i = 0; i < recent.size() && result.size() < limit; i++) {
            result.add(recent.get(i));
        }
        return result;
    }

    static boolean excluded(Track track, UserAlias user) {
        return user.settings().exclusions().tracks().contains(track.id())
                || track.artists().stream()
                        .anyMatch(a -> user.settings().exclusions().artists().contains(a.id()));
    }
}
