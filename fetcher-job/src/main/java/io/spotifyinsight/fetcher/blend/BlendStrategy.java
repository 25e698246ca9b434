package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.fetcher.engine.DayList;
import io.spotifyinsight.fetcher.engine.RecommendationStrategy;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.sources.error.SourceException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code blend} strategy, for every Spotify app: seeds resolved with their genres (from the
 * database after the first night), candidates from Spotify search within the alias's allowance and
 * from every available third-party source, the genres of unknown candidates' artists asked of
 * Last.fm when it is there, and one {@link Picker}. A source that fails is taken out of the run
 * ({@link SourceHealth}) and the list is made from the others, marked with what it lacked.
 */
public final class BlendStrategy implements RecommendationStrategy {
    private static final Logger log = LoggerFactory.getLogger(BlendStrategy.class);

    /** Artists of unranked candidates whose Last.fm tags are asked per alias. */
    static final int TAGGED_ARTISTS = 8;

    /** The list length {@code FETCHER_SPOTIFY_REQUESTS_PER_ALIAS} is meant for. */
    static final int ALLOWANCE_LIMIT = 20;

    private final SeedResolver seeds;
    private final SourceHealth health;
    private final int spotifyRequestsPerAlias;

    /** What this run learns about artists' genres, shared by its sources and aliases. */
    private final RunKnowledge knowledge = new RunKnowledge();

    private final SpotifySearchSource search;

    /** Null when not among the run's sources. */
    private final ReccoBeatsSource reccoBeats;

    /** Null without a key or when not among the run's sources. */
    private final LastFmSource lastFm;

    /**
     * A fresh strategy for one run, with its candidate sources: Spotify search, and ReccoBeats and
     * Last.fm where {@code sources} has their clients.
     */
    public BlendStrategy(SeedResolver seeds, RunSources sources, int spotifyRequestsPerAlias) {
        this.seeds = seeds;
        this.health = sources.health();
        this.spotifyRequestsPerAlias = spotifyRequestsPerAlias;
        this.search = new SpotifySearchSource(sources.spotify(), knowledge);
        this.reccoBeats =
                sources.reccoBeats() == null ? null : new ReccoBeatsSource(sources.reccoBeats());
        this.lastFm = sources.lastFm() == null ? null : new LastFmSource(sources, knowledge);
    }

    @Override
    public DayList fetch(UserAlias user, LocalDate date, Set<String> recentTrackIds) {
        SeedProfile profile = seeds.resolve(user);
        if (profile.isEmpty()) {
            return new DayList(Strategy.BLEND, List.of(), health.unavailableNames());
        }
        int allowance = allowance(spotifyRequestsPerAlias, user.settings().trackLimit());
        AliasFetch fetch = new AliasFetch(user, date, profile, new SpotifyBudget(allowance));
        boolean lastFmSearches =
                usable(lastFm)
                        && lastFm.findsThroughSearch()
                        && !(profile.artists().isEmpty() && profile.trackArtists().isEmpty());
        // without MusicBrainz and ReccoBeats, Last.fm's similar artists are mapped to Spotify by
        // one search each: one of them a night
        int searchShare = lastFmSearches && allowance > 2 ? allowance - 1 : allowance;
        if (usable(reccoBeats) && !profile.artists().isEmpty()) {
            // ReccoBeats lists the seed artists' own tracks for free: no Spotify page for them
            fetch.seedArtistsSearched = true;
        }
        fetch.addAll(search.candidates(fetch, searchShare));
        gather(fetch, reccoBeats);
        gather(fetch, lastFm);
        tagUnknownArtists(fetch);

        Picker.Pick pick = pick(fetch, recentTrackIds);
        // a list the sources and the allowance could not fill within the caps, or a long list poor
        // in the seeds'
        // genres: more search pages, within bounds
        for (int extra = 0;
                extra < maxTopUp(user)
                        && (tooShort(pick, user.settings().trackLimit())
                                || extra < maxGenreTopUp(user) && genrePoor(pick, fetch))
                        && !SpotifySearchSource.exhausted(fetch);
                extra++) {
            fetch.budget().grant(1);
            fetch.addAll(search.candidates(fetch, 1));
            pick = pick(fetch, recentTrackIds);
        }
        List<Candidate> picked = pick.tracks();
        log.debug(
                "{}: {} candidates, {} picked, {} Spotify requests left",
                user.settings().username(),
                fetch.found().size(),
                picked.size(),
                fetch.budget().left());
        return new DayList(
                Strategy.BLEND,
                picked.stream().map(Candidate::toRecommended).toList(),
                health.unavailableNames());
    }

    /**
     * The allowance is meant for a list of {@value #ALLOWANCE_LIMIT} tracks; a shorter list needs
     * fewer pages and gets its share (limit 5: one request), a longer one relies on the top-up.
     */
    static int allowance(int requestsPerAlias, int trackLimit) {
        if (trackLimit >= ALLOWANCE_LIMIT) {
            return requestsPerAlias;
        }
        return Math.max(1, (requestsPerAlias * trackLimit + ALLOWANCE_LIMIT - 1) / ALLOWANCE_LIMIT);
    }

    /**
     * Top-up pages for one alias: enough for its limit in pages of ten, and a few for what the
     * picker drops.
     */
    static int maxTopUp(UserAlias user) {
        return user.settings().trackLimit() / 5 + 2;
    }

    /**
     * Pages of ten give a list of more than {@value #ALLOWANCE_LIMIT} tracks too few candidates of
     * its genres: such a list may read one more page per ten tracks beyond twenty while it is
     * genre-poor.
     */
    static int maxGenreTopUp(UserAlias user) {
        return Math.max(0, (user.settings().trackLimit() - ALLOWANCE_LIMIT) / 10);
    }

    /**
     * Fewer than half of the list share a genre with the seeds, although the seeds' genres are
     * known.
     */
    static boolean genrePoor(Picker.Pick pick, AliasFetch fetch) {
        return !fetch.affinity().isEmpty() && pick.sharingGenre() * 2 < pick.tracks().size();
    }

    /**
     * A list that is not full, or that has fewer artists than half its limit: only then is Spotify
     * asked for more than the allowance (a list merely re-ordered by the caps is not worth a
     * request).
     */
    static boolean tooShort(Picker.Pick pick, int limit) {
        long artists = pick.tracks().stream().map(Candidate::mainArtistId).distinct().count();
        return pick.tracks().size() < limit || artists < (limit + 1) / 2;
    }

    private Picker.Pick pick(AliasFetch fetch, Set<String> recentTrackIds) {
        Map<String, Set<String>> artistGenres = new HashMap<>();
        Map<String, Set<String>> lastFmGenres = new HashMap<>();
        for (Candidate c : fetch.found()) {
            for (ArtistInfo artist : c.track().artists()) {
                Set<String> genres = knowledge.searchGenresOf(artist.id());
                if (!genres.isEmpty()) {
                    artistGenres.put(artist.id(), genres);
                }
                Set<String> tagged = knowledge.lastFmGenresOf(artist.id(), artist.name());
                if (!tagged.isEmpty()) {
                    lastFmGenres.put(artist.id(), tagged);
                }
            }
        }
        UserAlias user = fetch.user();
        SeedProfile profile = fetch.profile();
        return Picker.pick(
                new Picker.Request(
                        fetch.found(),
                        user.settings().trackLimit(),
                        fetch.affinity().keySet(),
                        artistGenres,
                        lastFmGenres,
                        profile.seedArtistIds(),
                        profile.seedTrackIds(),
                        Set.copyOf(user.settings().exclusions().artists()),
                        Set.copyOf(user.settings().exclusions().tracks()),
                        recentTrackIds,
                        fetch.seed()));
    }

    private void gather(AliasFetch fetch, CandidateSource source) {
        if (!usable(source)) {
            return;
        }
        try {
            fetch.addAll(source.candidates(fetch));
        } catch (SourceException e) {
            health.failed(source.service(), e);
        }
    }

    /**
     * ReccoBeats' candidates come without genres; for the artists of the most relevant ones that
     * the run knows nothing about, Last.fm's top tags tell (one request per artist per run).
     */
    private void tagUnknownArtists(AliasFetch fetch) {
        if (!usable(lastFm)) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        fetch.found().stream()
                .filter(c -> c.source() == TrackSource.RECCOBEATS)
                .sorted(Comparator.comparingDouble(Candidate::relevance).reversed())
                .forEach(
                        c ->
                                c.track().artists().stream()
                                        .limit(1)
                                        .filter(a -> knowledge.genresOf(a.id(), a.name()).isEmpty())
                                        .forEach(a -> names.add(a.name())));
        List<String> ask =
                new ArrayList<>(names).subList(0, Math.min(TAGGED_ARTISTS, names.size()));
        try {
            for (String name : ask) {
                lastFm.tagsOf(name);
            }
        } catch (SourceException e) {
            health.failed(SourceService.LASTFM, e);
        }
    }

    private boolean usable(CandidateSource source) {
        return source != null && health.usable(source.service());
    }
}
