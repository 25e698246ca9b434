package io.spotifyinsight.fetcher.blend;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Genres the run learnt about artists on the way, shared by its aliases: a track found by Spotify's
 * {@code genre:"trip hop"} search is by an artist of that genre; a Last.fm tag's top tracks name
 * artists of that tag; an artist's Last.fm top tags are its genres. ReccoBeats knows no genres, so
 * its candidates are re-ranked with what is learnt here. Keys are Spotify ids, or normalised names for
 * what Last.fm names without ids. Thread-safe; one per run.
 */
public final class RunKnowledge {
    private final Map<String, Set<String>> byArtistId = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byArtistName = new ConcurrentHashMap<>();
    private final Set<String> askedLastFm = ConcurrentHashMap.newKeySet();

    public void learnForId(String artistId, Collection<String> genres) {
        if (artistId != null && !genres.isEmpty()) {
            byArtistId.computeIfAbsent(artistId, k -> ConcurrentHashMap.newKeySet()).addAll(Genres.normaliseAll(genres));
        }
    }

    public void learnForName(String artistName, Collection<String> genres) {
        if (artistName != null && !genres.isEmpty()) {
            byArtistName.computeIfAbsent(nameKey(artistName), k -> ConcurrentHashMap.newKeySet())
                    .addAll(Genres.normaliseAll(genres));
        }
    }

    /** What is known of an artist, by id and by name. */
    public Set<String> genresOf(String artistId, String artistName) {
        // ConcurrentHashMap refuses null keys, and Last.fm's artists come by name only
        Set<String> genres = new HashSet<>(artistId == null ? Set.of() : byArtistId.getOrDefault(artistId, Set.of()));
        if (artistName != null) {
            genres.addAll(byArtistName.getOrDefault(nameKey(artistName), Set.of()));
        }
        return genres;
    }

    /** True the first time an artist is asked about, so the run asks Last.fm about each artist once. */
    public boolean firstAskAbout(String artistName) {
        return askedLastFm.add(nameKey(artistName));
    }

    static String nameKey(String name) {
        return Genres.normalise(name);
    }
}
