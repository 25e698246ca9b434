package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.persistence.user.UserAlias;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One alias's fetch as the sources see it: who, for which date, its resolved seeds and the genres
 * its list should share, the day's shuffle seed, the Spotify allowance, and the candidates found so
 * far (ReccoBeats takes seeds from them for an alias that has only genre seeds).
 */
public final class AliasFetch {
    private final UserAlias user;
    private final LocalDate date;
    private final SeedProfile profile;
    private final Map<String, String> affinity;
    private final long seed;
    private final SpotifyBudget budget;
    private final List<Candidate> found = new ArrayList<>();

    /** How far Spotify search has read for this alias, so that a top-up reads further pages. */
    final Map<String, Integer> searchPages = new java.util.HashMap<>();

    final Map<String, Integer> searchOffsets = new java.util.HashMap<>();
    final Map<String, Integer> searchTotals = new java.util.HashMap<>();
    final java.util.Set<String> searchExhausted = new java.util.HashSet<>();
    boolean seedArtistsSearched;

    public AliasFetch(UserAlias user, LocalDate date, SeedProfile profile, SpotifyBudget budget) {
        this.user = user;
        this.date = date;
        this.profile = profile;
        this.affinity = profile.affinityGenres();
        this.seed = Shuffle.seedFor(user.settings().username(), date);
        this.budget = budget;
    }

    public UserAlias user() {
        return user;
    }

    public LocalDate date() {
        return date;
    }

    public SeedProfile profile() {
        return profile;
    }

    /** Normalised genre → why it counts ("genre 'trip hop' of your seed artist Massive Attack"). */
    public Map<String, String> affinity() {
        return affinity;
    }

    public long seed() {
        return seed;
    }

    public SpotifyBudget budget() {
        return budget;
    }

    public int limit() {
        return user.settings().trackLimit();
    }

    void addAll(List<Candidate> candidates) {
        found.addAll(candidates);
    }

    public List<Candidate> found() {
        return Collections.unmodifiableList(found);
    }
}
