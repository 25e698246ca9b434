package io.spotifyinsight.fetcher.strategy;

import io.spotifyinsight.fetcher.blend.Shuffle;
import io.spotifyinsight.spotify.model.Track;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Pure helpers that turn a pile of search results into a day's list: de-duplicate, exclude, cap
 * each artist, and pick deterministically for (user, date).
 */
public final class Candidates {
    private Candidates() {}

    /**
     * The tracks without repeats (first occurrence wins) and without tracks that cannot be stored.
     */
    public static List<Track> distinct(Collection<Track> tracks) {
        Map<String, Track> byId = new LinkedHashMap<>();
        for (Track track : tracks) {
            if (track.id() != null && track.album().id() != null) {
                byId.putIfAbsent(track.id(), track);
            }
        }
        return List.copyOf(byId.values());
    }

    /**
     * At most this many tracks whose first artist is the same: a fifth of the list, but never below
     * 2.
     */
    public static int artistCap(int limit) {
        return Math.max(2, (limit + 4) / 5);
    }

    /**
     * Picks up to {@code limit} tracks. The candidates are sorted by id first, so the result
     * depends only on the candidate set and the seed, not on the order search results arrived in;
     * then they are shuffled with {@code seed} and taken in that order, skipping seed tracks and
     * any track whose first artist already has {@link #artistCap} tracks. Only if that leaves the
     * list short are the skipped tracks added (in the same shuffled order); fewer than {@code
     * limit} come back only when there are fewer candidates.
     */
    public static List<Track> pick(
            Collection<Track> candidates, Set<String> excludedIds, int limit, long seed) {
        List<Track> pool = new ArrayList<>();
        for (Track track : distinct(candidates)) {
            if (!excludedIds.contains(track.id())) {
                pool.add(track);
            }
        }
        pool.sort(Comparator.comparing(Track::id));
        Collections.shuffle(pool, new Random(seed));
        int cap = artistCap(limit);
        Map<String, Integer> perArtist = new HashMap<>();
        List<Track> picked = new ArrayList<>(limit);
        List<Track> overCap = new ArrayList<>();
        for (Track track : pool) {
            if (picked.size() == limit) {
                break;
            }
            String artist = track.artists().isEmpty() ? "" : track.artists().get(0).id();
            int count = perArtist.getOrDefault(artist, 0);
            if (count < cap) {
                perArtist.put(artist, count + 1);
                picked.add(track);
            } else {
                overCap.add(track);
            }
        }
        // Only when the search results offer too few artists to fill the list: a fuller list beats
        // a
        // strictly capped short one. Still in shuffled order, so still deterministic.
        for (int i = 0; i < overCap.size() && picked.size() < limit; i++) {
            picked.add(overCap.get(i));
        }
        return List.copyOf(picked);
    }

    /**
     * How many tracks of {@code candidates} {@link #pick} could use at most (after exclusion and
     * the artist cap).
     */
    public static int usable(Collection<Track> candidates, Set<String> excludedIds, int limit) {
        int cap = artistCap(limit);
        Map<String, Integer> perArtist = new HashMap<>();
        int usable = 0;
        for (Track track : distinct(candidates)) {
            if (excludedIds.contains(track.id())) {
                continue;
            }
            String artist = track.artists().isEmpty() ? "" : track.artists().get(0).id();
            int count = perArtist.getOrDefault(artist, 0);
            if (count < cap) {
                perArtist.put(artist, count + 1);
                usable++;
            }
        }
        return usable;
    }

    /** A stable seed for (user, date); see {@link Shuffle#seedFor}. */
    public static long seedFor(String username, LocalDate date) {
        return Shuffle.seedFor(username, date);
    }
}
