package io.spotifyinsight.fetcher.strategy;

import io.spotifyinsight.fetcher.blend.SpotifyTracks;
import io.spotifyinsight.fetcher.engine.DayList;
import io.spotifyinsight.fetcher.engine.RecommendationStrategy;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.persistence.user.Seeds;
import io.spotifyinsight.persistence.user.UserAlias;
import io.spotifyinsight.spotify.SearchRequest;
import io.spotifyinsight.spotify.SpotifyClient;
import io.spotifyinsight.spotify.error.SpotifyBadRequestException;
import io.spotifyinsight.spotify.error.SpotifyNotFoundException;
import io.spotifyinsight.spotify.model.Artist;
import io.spotifyinsight.spotify.model.SearchPage;
import io.spotifyinsight.spotify.model.Track;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code search} strategy, for apps without {@code /v1/recommendations}: it only uses endpoints
 * development-mode apps keep (search, one artist, one track).
 *
 * <p>Queries per seed: a genre gives {@code genre:"NAME"}; an artist is looked up and gives {@code
 * artist:"NAME"} plus {@code genre:"FIRST GENRE"}; a track is looked up and gives its first artist
 * and its era ({@code year:} five years around its album's release, narrowed to the user's first
 * seed genre if any). Every query's first page is read; further pages only while the candidates are
 * fewer than {@value #POOL_FACTOR} times the limit, and never more pages a query than it takes to
 * read that many results ({@value #MIN_PAGES_PER_QUERY} at least: with development mode's pages of
 * 10, one genre seed and a limit of 50 need 10 pages, not 2). If the candidates still cannot fill
 * the list within the per-artist cap, one page of each broader query (the artists' other genres,
 * the era without the genre). A user usually costs 4 to 8 requests, more when the limit is large
 * and the pages small. The list is then picked by {@link Candidates#pick} with a seed derived from
 * (user, date): a re-run of a date gives the same list, another date a different one.
 *
 * <p>Page size: up to {@value SearchRequest#MAX_LIMIT} results a call, but development-mode apps
 * may ask only {@value SearchRequest#MAX_LIMIT_DEVELOPMENT_MODE} since February 2026; the first
 * "400" to a larger page switches the whole run to 10.
 */
public final class SearchRecommendations implements RecommendationStrategy {
    private static final Logger log = LoggerFactory.getLogger(SearchRecommendations.class);
    static final int MIN_PAGES_PER_QUERY = 2;
    static final int POOL_FACTOR = 2;
    private static final int ERA_HALF_WIDTH = 2;
    static final String REASON = "Spotify search for your seeds' genres, artists and eras";

    private final SpotifyClient spotify;
    private final AtomicInteger pageSize;

    /**
     * @param initialPageSize 50 when the app may have extended quota, 10 when it is known to be in
     *     development mode
     */
    public SearchRecommendations(SpotifyClient spotify, int initialPageSize) {
        if (initialPageSize < 1 || initialPageSize > SearchRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("page size must be 1 to " + SearchRequest.MAX_LIMIT);
        }
        this.spotify = spotify;
        this.pageSize = new AtomicInteger(initialPageSize);
    }

    @Override
    public DayList fetch(UserAlias user, LocalDate date, Set<String> recentTrackIds) {
        Seeds seeds = user.settings().seeds();
        Queries queries = queries(user);
        Set<String> excluded = Set.copyOf(seeds.tracks());
        int limit = user.settings().trackLimit();
        int wanted = limit * POOL_FACTOR;
        List<Track> found = new ArrayList<>();
        Map<String, SearchPage> lastPages = new HashMap<>();
        // the page size may drop from 50 to 10 during the first page, hence recomputed
        for (int page = 0; page < pagesPerQuery(wanted, pageSize.get()); page++) {
            if (page > 0 && Candidates.usable(found, excluded, limit) >= wanted) {
                break;
            }
            for (String query : queries.main()) {
                SearchPage previous = lastPages.get(query);
                if (page > 0
                        && (previous == null
                                || !previous.hasNext()
                                || previous.items().isEmpty())) {
                    continue;
                }
                int offset = previous == null ? 0 : previous.offset() + previous.items().size();
                if (offset > SearchRequest.MAX_OFFSET) {
                    continue;
                }
                SearchPage result = search(query, offset, user.settings().market());
                lastPages.put(query, result);
                result.items().stream()
                        .filter(t -> !Freshness.excluded(t, user))
                        .forEach(found::add);
            }
        }
        // Still short of artists to fill the list within the per-artist cap: one page of each
        // broader query.
        if (Candidates.usable(found, excluded, limit) < limit) {
            for (String query : queries.broader()) {
                search(query, 0, user.settings().market()).items().stream()
                        .filter(t -> !Freshness.excluded(t, user))
                        .forEach(found::add);
            }
        }
        long seed = Candidates.seedFor(user.settings().username(), date);
        Set<String> excludedOrRecent = new HashSet<>(excluded);
        excludedOrRecent.addAll(recentTrackIds);
        List<Track> picked = new ArrayList<>(Candidates.pick(found, excludedOrRecent, limit, seed));
        if (picked.size() < limit) {
            // not enough fresh tracks: recent ones rather than a short list
            Set<String> already = new HashSet<>(excluded);
            picked.forEach(t -> already.add(t.id()));
            picked.addAll(Candidates.pick(found, already, limit - picked.size(), seed));
        }
        log.debug(
                "{}: {} queries, {} results, {} picked",
                user.settings().username(),
                queries.main().size(),
                found.size(),
                picked.size());
        return new DayList(
                Strategy.SEARCH,
                picked.stream()
                        .flatMap(t -> SpotifyTracks.of(t).stream())
                        .map(info -> new RecommendedTrack(info, TrackSource.SEARCH, REASON))
                        .toList());
    }

    /** The queries for a user's seeds, and broader ones for when those give too few artists. */
    record Queries(List<String> main, List<String> broader) {}

    /** Without repeats; artist and track seeds cost one lookup each. */
    Queries queries(UserAlias user) {
        Seeds seeds = user.settings().seeds();
        Set<String> queries = new LinkedHashSet<>();
        Set<String> broader = new LinkedHashSet<>();
        String firstGenre = seeds.genres().isEmpty() ? null : seeds.genres().get(0);
        for (String genre : seeds.genres()) {
            queries.add(filter("genre", genre));
        }
        for (String artistId : seeds.artists()) {
            try {
                Artist artist = spotify.artist(artistId);
                queries.add(filter("artist", artist.name()));
                if (!artist.genres().isEmpty()) {
                    queries.add(filter("genre", artist.genres().get(0)));
                }
                artist.genres().stream()
                        .skip(1)
                        .limit(2)
                        .forEach(genre -> broader.add(filter("genre", genre)));
            } catch (SpotifyNotFoundException e) {
                log.warn(
                        "{}: artist seed {} does not exist on Spotify; skipping that seed",
                        user.settings().username(),
                        artistId);
            }
        }
        for (String trackId : seeds.tracks()) {
            try {
                Track track = spotify.track(trackId, user.settings().market());
                if (!track.artists().isEmpty()) {
                    queries.add(filter("artist", track.artists().get(0).name()));
                }
                Integer year = yearOf(track.album().releaseDate());
                if (year != null) {
                    String era = "year:" + (year - ERA_HALF_WIDTH) + "-" + (year + ERA_HALF_WIDTH);
                    queries.add(firstGenre == null ? era : filter("genre", firstGenre) + " " + era);
                    broader.add(era);
                }
            } catch (SpotifyNotFoundException e) {
                log.warn(
                        "{}: track seed {} does not exist on Spotify; skipping that seed",
                        user.settings().username(),
                        trackId);
            }
        }
        broader.removeAll(queries);
        return new Queries(List.copyOf(queries), List.copyOf(broader));
    }

    private SearchPage search(String query, int offset, String market) {
        int size = pageSize.get();
        try {
            return spotify.searchTracks(new SearchRequest(query, size, offset, market));
        } catch (SpotifyBadRequestException e) {
            if (size <= SearchRequest.MAX_LIMIT_DEVELOPMENT_MODE) {
                throw e;
            }
            int smaller = SearchRequest.MAX_LIMIT_DEVELOPMENT_MODE;
            if (pageSize.compareAndSet(size, smaller)) {
                log.info(
                        "Spotify refused a search page of {} ({}): a development-mode app may ask"
                                + " for {} since February 2026; using {} for the rest of the run",
                        size,
                        e.spotifyMessage() == null ? "400" : e.spotifyMessage(),
                        smaller,
                        smaller);
            }
            return spotify.searchTracks(new SearchRequest(query, smaller, offset, market));
        }
    }

    /**
     * Enough pages of one query to read {@code wanted} results, and at least {@value
     * #MIN_PAGES_PER_QUERY}.
     */
    static int pagesPerQuery(int wanted, int pageSize) {
        return Math.max(MIN_PAGES_PER_QUERY, (wanted + pageSize - 1) / pageSize);
    }

    /**
     * {@code field:"value"}, with any double quote in the value dropped so it cannot break the
     * query.
     */
    static String filter(String field, String value) {
        return field + ":\"" + value.replace("\"", "").strip() + "\"";
    }

    /** The year of Spotify's "1981", "1981-12" or "1981-12-15"; null when absent or odd. */
    static Integer yearOf(String releaseDate) {
        if (releaseDate == null || releaseDate.length() < 4) {
            return null;
        }
        try {
            int year = Integer.parseInt(releaseDate.substring(0, 4));
            return year > 1000 ? year : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
