package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.persistence.knowledge.ArtistKnowledge;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.spotify.SearchRequest;
import io.spotifyinsight.spotify.SpotifyClient;
import io.spotifyinsight.spotify.model.SearchPage;
import io.spotifyinsight.spotify.model.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spotify search within the alias's allowance: pages of {@code genre:"..."} for the genres the list
 * should share (the filter still works although artist genres are deprecated), at an offset that
 * moves with the date so that each night reads other results; with what is left, one page of each
 * seed artist's own tracks (the picker keeps those a minority). Pages hold {@value
 * SearchRequest#MAX_LIMIT_DEVELOPMENT_MODE} results, the most a development-mode app may ask. Every
 * result of a genre query by a single artist teaches the run that this artist has that genre.
 */
public final class SpotifySearchSource implements CandidateSource {
    /** Offsets are drawn from this many pages; beyond them, results get ever less relevant. */
    static final int OFFSET_PAGES = 20;

    /** Pages a night usually reads of one genre, so the next night starts after them. */
    static final int NIGHTLY_STEP = 3;

    static final int PAGE = SearchRequest.MAX_LIMIT_DEVELOPMENT_MODE;

    /** How many of the list's genres get search pages; the rest only steer the picker. */
    static final int SEARCHED_GENRES = 3;

    private final SpotifyClient spotify;
    private final RunKnowledge knowledge;

    SpotifySearchSource(SpotifyClient spotify, RunKnowledge knowledge) {
        this.spotify = spotify;
        this.knowledge = knowledge;
    }

    @Override
    public SourceService service() {
        return null;
    }

    /**
     * @param requests how many of the alias's Spotify requests this call may spend
     */
    public List<Candidate> candidates(AliasFetch fetch, int requests) {
        List<Candidate> found = new ArrayList<>();
        List<Map.Entry<String, String>> genres =
                fetch.affinity().entrySet().stream().limit(SEARCHED_GENRES).toList();
        int spent = 0;
        if (!fetch.seedArtistsSearched) {
            fetch.seedArtistsSearched = true;
            List<ArtistKnowledge> artists = fetch.profile().artists();
            // seed artists' own tracks: one page each, but never more than a quarter of the
            // allowance
            int forArtists = Math.min(artists.size(), genres.isEmpty() ? requests : requests / 4);
            for (int i = 0; i < forArtists && fetch.budget().tryTake(); i++) {
                ArtistKnowledge artist = artists.get(i);
                spent++;
                for (Track track : page(filter("artist", artist.name()), 0, fetch).items()) {
                    if (track.artists().stream().anyMatch(a -> artist.artistId().equals(a.id()))) {
                        add(
                                found,
                                track,
                                Set.copyOf(Genres.normaliseAll(artist.genres())),
                                "by your seed artist " + artist.name(),
                                0.4);
                    }
                }
            }
        }
        for (int round = 0;
                spent < requests && fetch.searchExhausted.size() < genres.size();
                round++) {
            Map.Entry<String, String> entry = genres.get(round % genres.size());
            String genre = entry.getKey();
            if (fetch.searchExhausted.contains(genre)) {
                continue;
            }
            if (!fetch.budget().tryTake()) {
                break;
            }
            spent++;
            // pages are read in a circle; each night starts NIGHTLY_STEP pages further than the one
            // before
            int start = fetch.searchOffsets.computeIfAbsent(genre, g -> startPage(fetch, g));
            int read = fetch.searchPages.getOrDefault(genre, 0);
            Integer pages = fetch.searchTotals.get(genre);
            int pageIndex = pages == null ? start + read : (start + read) % pages;
            SearchPage page = page(filter("genre", genre), PAGE * pageIndex, fetch);
            int known =
                    Math.max(
                            1,
                            (Math.min(page.total(), SearchRequest.MAX_OFFSET + PAGE) + PAGE - 1)
                                    / PAGE);
            fetch.searchTotals.put(genre, known);
            if (page.items().isEmpty() && page.total() > 0 && pages == null) {
                // the day's start lies beyond this genre's results: start within them
                fetch.searchOffsets.put(genre, start % known);
                continue;
            }
            fetch.searchPages.put(genre, read + 1);
            if (page.items().isEmpty() || read + 1 >= known) {
                fetch.searchExhausted.add(genre);
            }
            for (Track track : page.items()) {
                // the filter matches a track when any of its artists has the genre: only a solo
                // artist's
                // track says whose genre it is (a featured artist learnt the main artist's genre
                // before)
                if (track.artists().size() == 1) {
                    knowledge.learnForId(track.artists().get(0).id(), List.of(genre));
                }
                add(found, track, Set.of(genre), entry.getValue(), 0.5);
            }
        }
        return found;
    }

    /**
     * Where an alias's night starts reading a genre: an alias- and genre-specific origin, moved on
     * by {@value #NIGHTLY_STEP} pages a night, so that consecutive nights read different pages
     * (within the first {@value #OFFSET_PAGES}; a genre with fewer pages wraps round them).
     */
    static int startPage(AliasFetch fetch, String genre) {
        long origin =
                Shuffle.below(
                        Shuffle.seedFor(
                                fetch.user().settings().username(), java.time.LocalDate.EPOCH),
                        "origin|" + genre,
                        OFFSET_PAGES);
        return (int)
                Math.floorMod(
                        origin + NIGHTLY_STEP * fetch.date().toEpochDay(), (long) OFFSET_PAGES);
    }

    /** Whether every searched genre has been read to its end for this alias. */
    static boolean exhausted(AliasFetch fetch) {
        return fetch.searchExhausted.size() >= Math.min(SEARCHED_GENRES, fetch.affinity().size());
    }

    @Override
    public List<Candidate> candidates(AliasFetch fetch) {
        return candidates(fetch, fetch.budget().left());
    }

    private SearchPage page(String query, int offset, AliasFetch fetch) {
        return spotify.searchTracks(
                new SearchRequest(
                        query,
                        PAGE,
                        Math.min(offset, SearchRequest.MAX_OFFSET),
                        fetch.user().settings().market()));
    }

    private static void add(
            List<Candidate> found,
            Track track,
            Set<String> genres,
            String reason,
            double relevance) {
        Candidate.of(track, TrackSource.SEARCH, reason, genres, relevance).ifPresent(found::add);
    }

    /**
     * {@code field:"value"}, with any double quote in the value dropped so it cannot break the
     * query.
     */
    static String filter(String field, String value) {
        return field + ":\"" + value.replace("\"", "").strip() + "\"";
    }
}
