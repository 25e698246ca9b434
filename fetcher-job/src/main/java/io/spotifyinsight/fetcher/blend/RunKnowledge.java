package io.spotifyinsight.fetcher.blend;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Genres the run learnt about artists on the way, shared by its aliases: a track found by Spotify's
 * {@code genre:"trip hop"} search is by an artist of that genre; a Last.fm tag's top tracks name
 * artists of that tag; an artist's Last.fm top tags are its genres; MusicBrainz gives the genres of
 * the artist it links to a Spotify id. ReccoBeats knows no genres, so its candidates are re-ranked
 * with what is learnt here. Keys are Spotify ids, or normalised names for what Last.fm names
 * without ids. What Spotify's search filter and MusicBrainz vouch for is kept apart from what
 * Last.fm says: Last.fm knows artists by name and merges namesakes, so its word is the weaker one.
 * Thread-safe; one per run.
 */
public final class RunKnowledge {
    private final Map<String, Set<String>> byArtistId = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> lastFmByArtistId = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byArtistName = new ConcurrentHashMap<>();
    private final Set<String> askedLastFm = ConcurrentHashMap.newKeySet();

    /**
     * Genres vouched for by a source that knows the artist by id: what a Spotify {@code genre:}
     * search found it under, or MusicBrainz's genres of the artist it links to that id.
     */
    public void learnForId(String artistId, Collection<String> genres) {
        learn(byArtistId, artistId, genres);
    }

    /** Last.fm's tags of an artist that a Spotify search by its name identified. */
    public void learnFromLastFmForId(String artistId, Collection<String> genres) {
        learn(lastFmByArtistId, artistId, genres);
    }

    private static void learn(
            Map<String, Set<String>> into, String artistId, Collection<String> genres) {
        if (artistId != null && !genres.isEmpty()) {
            into.computeIfAbsent(artistId, k -> ConcurrentHashMap.newKeySet())
                    .addAll(Genres.normaliseAll(genres));
        }
    }

    public void learnForName(String artistName, Collection<String> genres) {
        if (artistName != null && !genres.isEmpty()) {
            byArtistName
                    .computeIfAbsent(nameKey(artistName), k -> ConcurrentHashMap.newKeySet())
                    .addAll(Genres.normaliseAll(genres));
        }
    }

    /** Everything known of an artist, by id and by name, whoever said it. */
    public Set<String> genresOf(String artistId, String artistName) {
        Set<String> genres = new HashSet<>(searchGenresOf(artistId));
        genres.addAll(lastFmGenresOf(artistId, artistName));
        return genres;
    }

    /** What Spotify's search filter or MusicBrainz vouches for (see {@link #learnForId}). */
    public Set<String> searchGenresOf(String artistId) {
        // ConcurrentHashMap refuses null keys, and Last.fm's artists come by name only
        return artistId == null
                ? Set.of()
                : Set.copyOf(byArtistId.getOrDefault(artistId, Set.of()));
    }

    /** What Last.fm says of an artist, by id (once identified) and by name. */
    public Set<String> lastFmGenresOf(String artistId, String artistName) {
        Set<String> genres =
                new HashSet<>(
                        artistId == null
                                ? Set.of()
                                : lastFmByArtistId.getOrDefault(artistId, Set.of()));
        if (artistName != null) {
            genres.addAll(byArtistName.getOrDefault(nameKey(artistName), Set.of()));
        }
        return genres;
    }

    /**
     * True the first time an artist is asked about, so the run asks Last.fm about each artist once.
     */
    public boolean firstAskAbout(String artistName) {
        return askedLastFm.add(nameKey(artistName));
    }

    static String nameKey(String name) {
        return Genres.normalise(name);
    }
}
