package io.spotifyinsight.fetcher.blend;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one place that turns every source's candidates into a day's list. A pure function of its
 * request: the same candidates, history and seed give the same list.
 *
 * <p>Rules, in order: a track proposed twice counts once (its genres merged, the most relevant
 * proposal's reason kept); seed tracks, excluded tracks and tracks by an excluded artist never
 * appear; a candidate shares the seeds' genres when its source vouches for one of them or when the
 * run learnt one of them for one of its artists. Candidates are then taken tier by tier: fresh and
 * sharing a genre that a source or Spotify's search vouches for; fresh and sharing a genre only by
 * Last.fm's tags (which merge namesakes) for an artist no source knows the genres of by id; fresh,
 * of unknown genre but proposed as similar by a source (relevance of at least {@value
 * #SIMILAR_ENOUGH}; a candidate whose genres are known to be others does not count as similar);
 * recently recommended but sharing a genre; the rest fresh; the rest recent. Within a tier by score
 * (genre first, then the source's relevance, then a stable per-day shuffle, so the same pool gives
 * another order tomorrow). While taking, each artist gets at most {@value #PER_ARTIST} tracks and
 * the seed artists together at most a fifth of the list; only a list still short after every tier
 * relaxes the artist cap, and then the seed artists' share.
 */
public final class Picker {
    static final int PER_ARTIST = 2;
    static final double SIMILAR_ENOUGH = 0.5;

    private Picker() {}

    /**
     * @param artistGenres genres Spotify's search filter or MusicBrainz vouches for, by artist
     *     (Spotify id, normalised)
     * @param lastFmGenres genres Last.fm's tags give artists (Spotify id, normalised): weaker
     *     evidence, since Last.fm knows artists by name and merges namesakes
     * @param recentTrackIds tracks recommended to the alias within the no-repeat window
     * @param seed from {@link #seedFor}: one per alias and date
     */
    public record Request(
            Collection<Candidate> candidates,
            int limit,
            Set<String> affinityGenres,
            Map<String, Set<String>> artistGenres,
            Map<String, Set<String>> lastFmGenres,
            Set<String> seedArtistIds,
            Set<String> seedTrackIds,
            Set<String> excludedArtistIds,
            Set<String> excludedTrackIds,
            Set<String> recentTrackIds,
            long seed) {
        public Request {
            candidates = List.copyOf(candidates);
            affinityGenres = Set.copyOf(affinityGenres);
            artistGenres = Map.copyOf(artistGenres);
            lastFmGenres = Map.copyOf(lastFmGenres);
            seedArtistIds = Set.copyOf(seedArtistIds);
            seedTrackIds = Set.copyOf(seedTrackIds);
            excludedArtistIds = Set.copyOf(excludedArtistIds);
            excludedTrackIds = Set.copyOf(excludedTrackIds);
            recentTrackIds = Set.copyOf(recentTrackIds);
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, got " + limit);
            }
        }
    }

    /** A candidate with what the picker worked out about it. */
    private record Scored(
            Candidate candidate, boolean sharesGenre, boolean recent, int tier, double score) {}

    /**
     * The list, and how many of its tracks were taken within every cap: fewer than the limit means
     * the candidates offered too few artists (or too many seed-artist tracks), and more candidates
     * would help; and how many of them share a genre with the seeds.
     */
    public record Pick(List<Candidate> tracks, int withinCaps, int sharingGenre) {
        public Pick {
            tracks = List.copyOf(tracks);
        }
    }

    public static Pick pick(Request request) {
        List<Scored> pool = new ArrayList<>();
        for (Candidate candidate : merged(request)) {
            boolean vouched = vouchedFor(candidate, request);
            boolean tagged = !vouched && taggedByName(candidate, request);
            boolean shares = vouched || tagged;
            boolean recent = request.recentTrackIds().contains(candidate.id());
            // similar but of genres known to be others: no better than a candidate of unknown genre
            boolean offGenre = !shares && genresKnown(candidate, request);
            int tier = tier(vouched, tagged, recent, offGenre ? 0 : candidate.relevance());
            double score =
                    (vouched ? 0.6 : tagged ? 0.4 : 0)
                            + 0.25 * candidate.relevance()
                            + 0.15 * Shuffle.unit(request.seed(), candidate.id());
            pool.add(new Scored(candidate, shares, recent, tier, score));
        }
        pool.sort(
                Comparator.comparingInt(Scored::tier)
                        .thenComparing(Comparator.comparingDouble(Scored::score).reversed())
                        .thenComparing(s -> s.candidate().id()));

        int limit = request.limit();
        int seedArtistCap = Math.max(1, limit / 5);
        Set<String> taken = new LinkedHashSet<>();
        List<Candidate> picked = new ArrayList<>(limit);
        Map<String, Integer> perArtist = new HashMap<>();
        int[] bySeedArtists = {0};
        int withinCaps = -1;
        int sharing = 0;
        // pass 0: every cap; pass 1: without the per-artist cap; pass 2: without the seed artists'
        // share
        for (int pass = 0; pass < 3 && picked.size() < limit; pass++) {
            if (pass == 1) {
                withinCaps = picked.size();
            }
            for (Scored s : pool) {
                if (picked.size() == limit) {
                    break;
                }
                Candidate c = s.candidate();
                if (taken.contains(c.id())) {
                    continue;
                }
                String artist = c.mainArtistId();
                boolean bySeedArtist =
                        c.track().artists().stream()
                                .anyMatch(a -> request.seedArtistIds().contains(a.id()));
                if (pass < 1 && perArtist.getOrDefault(artist, 0) >= PER_ARTIST) {
                    continue;
                }
                if (pass < 2 && bySeedArtist && bySeedArtists[0] >= seedArtistCap) {
                    continue;
                }
                taken.add(c.id());
                picked.add(c);
                if (s.sharesGenre()) {
                    sharing++;
                }
                perArtist.merge(artist, 1, Integer::sum);
                if (bySeedArtist) {
                    bySeedArtists[0]++;
                }
            }
        }
        // the first pass alone filled the list (or had nothing left to try): every track is within
        // the caps
        return new Pick(picked, withinCaps < 0 ? picked.size() : withinCaps, sharing);
    }

    private static int tier(boolean vouched, boolean tagged, boolean recent, double relevance) {
        if (!recent) {
            return vouched ? 0 : tagged ? 1 : relevance >= SIMILAR_ENOUGH ? 2 : 4;
        }
        return vouched || tagged ? 3 : 5;
    }

    /** Candidates once each, in id order, without what may never be recommended. */
    private static Collection<Candidate> merged(Request request) {
        Map<String, Candidate> byId = new TreeMap<>();
        for (Candidate c : request.candidates()) {
            if (request.seedTrackIds().contains(c.id())
                    || request.excludedTrackIds().contains(c.id())
                    || c.track().artists().stream()
                            .anyMatch(a -> request.excludedArtistIds().contains(a.id()))) {
                continue;
            }
            byId.merge(c.id(), c, Picker::better);
        }
        return byId.values();
    }

    /**
     * Two proposals of one track: the genres of both, the reason of the more relevant (or
     * genre-backed) one.
     */
    private static Candidate better(Candidate a, Candidate b) {
        Set<String> genres = new HashSet<>(a.genres());
        genres.addAll(b.genres());
        Candidate kept = rank(b) > rank(a) ? b : a;
        return new Candidate(
                kept.track(),
                kept.source(),
                kept.reason(),
                genres,
                Math.max(a.relevance(), b.relevance()));
    }

    private static double rank(Candidate c) {
        return (c.genres().isEmpty() ? 0 : 1) + c.relevance();
    }

    /**
     * Whether Last.fm's tags give one of the seeds' genres to an artist of the candidate whose
     * genres no source knows by id: a namesake's tags never outweigh what search or MusicBrainz
     * says of this very artist.
     */
    private static boolean taggedByName(Candidate c, Request request) {
        return c.track().artists().stream()
                .filter(a -> request.artistGenres().getOrDefault(a.id(), Set.of()).isEmpty())
                .map(a -> request.lastFmGenres().getOrDefault(a.id(), Set.of()))
                .anyMatch(genres -> genres.stream().anyMatch(request.affinityGenres()::contains));
    }

    /** Whether the source or an id-exact source (search, MusicBrainz) gives it any genre. */
    private static boolean genresKnown(Candidate c, Request request) {
        return !c.genres().isEmpty()
                || c.track().artists().stream()
                        .anyMatch(
                                a ->
                                        !request.artistGenres()
                                                .getOrDefault(a.id(), Set.of())
                                                .isEmpty());
    }

    /**
     * Whether the source vouches for one of the seeds' genres, or search or MusicBrainz gives one
     * to an artist of the candidate.
     */
    private static boolean vouchedFor(Candidate c, Request request) {
        if (c.genres().stream().anyMatch(request.affinityGenres()::contains)) {
            return true;
        }
        return c.track().artists().stream()
                .map(a -> request.artistGenres().getOrDefault(a.id(), Set.of()))
                .anyMatch(genres -> genres.stream().anyMatch(request.affinityGenres()::contains));
    }
}
