package io.spotifyinsight.spotify.fake;

import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogArtist;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Spotify-like track search over the catalogue: free words (all must match the track, album or an
 * artist name) and the filters {@code genre:}, {@code artist:}, {@code track:}, {@code album:},
 * {@code year:YYYY} / {@code year:YYYY-YYYY}, {@code isrc:}; values may be quoted; {@code NOT}
 * negates the next term. Case- and accent-insensitive; {@code genre:} also ignores the difference
 * between spaces, hyphens and underscores. It always uses the catalogue's genres, even when the
 * fake sends artists with empty genres. Results keep catalogue order.
 */
final class FakeSearch {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Folded catalogue strings; the catalogue is fixed, so this stays bounded. */
    private final Map<String, String> folded = new ConcurrentHashMap<>();

    private final Map<String, String> genreKeys = new ConcurrentHashMap<>();

    private final FakeCatalog catalog;

    FakeSearch(FakeCatalog catalog) {
        this.catalog = catalog;
    }

    List<CatalogTrack> search(String query, String market) {
        Predicate<CatalogTrack> matcher = parse(query);
        List<CatalogTrack> result = new ArrayList<>();
        for (CatalogTrack track : catalog.tracks()) {
            if (matcher.test(track) && (market == null || track.markets().contains(market))) {
                result.add(track);
            }
        }
        return result;
    }

    private Predicate<CatalogTrack> parse(String query) {
        Predicate<CatalogTrack> all = t -> true;
        boolean negate = false;
        for (String term : terms(query)) {
            if (term.equals("NOT")) {
                negate = true;
                continue;
            }
            Predicate<CatalogTrack> p = term(term);
            all = all.and(negate ? p.negate() : p);
            negate = false;
        }
        return all;
    }

    private Predicate<CatalogTrack> term(String term) {
        int colon = term.indexOf(':');
        String field = colon > 0 ? term.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        String value = fold(colon > 0 ? term.substring(colon + 1) : term);
        return switch (field) {
            case "genre" -> {
                String genre = genreKey(value);
                yield t ->
                        t.artists().stream()
                                .flatMap(a -> a.genres().stream())
                                .anyMatch(
                                        g ->
                                                genreKeys
                                                        .computeIfAbsent(g, FakeSearch::genreKey)
                                                        .equals(genre));
            }
            case "artist" -> t -> t.artists().stream().anyMatch(a -> c(a.name()).contains(value));
            case "track" -> t -> c(t.name()).contains(value);
            case "album" -> t -> c(t.album().name()).contains(value);
            case "isrc" -> t -> c(t.isrc()).equals(value);
            case "year" -> year(value);
            case "tag" -> t -> true; // albums only; has no effect on tracks
            default ->
                    t ->
                            c(t.name()).contains(value)
                                    || c(t.album().name()).contains(value)
                                    || t.artists().stream()
                                            .map(CatalogArtist::name)
                                            .anyMatch(n -> c(n).contains(value));
        };
    }

    private static Predicate<CatalogTrack> year(String value) {
        try {
            String[] range = value.split("-", 2);
            int from = Integer.parseInt(range[0].trim());
            int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
            return t -> t.album().year() >= from && t.album().year() <= to;
        } catch (NumberFormatException e) {
            return t -> false;
        }
    }

    /** Splits on blanks outside quotes; {@code artist:"Nina Simone"} stays one term. */
    private static List<String> terms(String query) {
        List<String> terms = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (current.length() > 0) {
                    terms.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            terms.add(current.toString());
        }
        return terms;
    }

    /**
     * A genre compared loosely, as Spotify does: {@code "Trip Hop"}, {@code "trip-hop"} and {@code
     * "trip_hop"} are one genre (names learnt from Last.fm or MusicBrainz have spaces).
     */
    static String genreKey(String genre) {
        return fold(genre).replaceAll("[\\s_-]+", " ").trim();
    }

    /** A catalogue string, folded once. */
    private String c(String catalogText) {
        return folded.computeIfAbsent(catalogText, FakeSearch::fold);
    }

    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }
}
