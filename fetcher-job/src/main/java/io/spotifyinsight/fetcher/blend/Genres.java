package io.spotifyinsight.fetcher.blend;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One spelling per genre, so that Spotify's seed genres ({@code trip-hop}), Last.fm tags ({@code
 * Trip Hop}) and MusicBrainz genres ({@code trip hop}) meet: lower case, accents kept but composed,
 * hyphens, underscores and runs of spaces as one space. Also tells genre tags from the listening
 * notes Last.fm users tag with ({@code seen live}, {@code favourites}).
 */
public final class Genres {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");

    /** Frequent Last.fm and MusicBrainz tags that say nothing about the music's genre. */
    private static final Set<String> NOT_GENRES =
            Set.of(
                    "seen live",
                    "favourites",
                    "favorites",
                    "favourite",
                    "favorite",
                    "love",
                    "loved",
                    "awesome",
                    "beautiful",
                    "cool",
                    "good",
                    "best",
                    "my favourite",
                    "albums i own",
                    "spotify",
                    "check out",
                    "under 2000 listeners",
                    "male vocalists",
                    "female vocalists");

    private Genres() {}

    public static String normalise(String genre) {
        String composed = Normalizer.normalize(genre, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(composed).replaceAll(" ").strip();
    }

    /** Normalised, without repeats or blanks, in the given order. */
    public static List<String> normaliseAll(Collection<String> genres) {
        Set<String> result = new LinkedHashSet<>();
        for (String genre : genres) {
            if (genre != null) {
                String g = normalise(genre);
                if (!g.isEmpty()) {
                    result.add(g);
                }
            }
        }
        return List.copyOf(result);
    }

    /** Whether a (normalised) tag names a genre rather than a listening note or a decade. */
    public static boolean isGenreTag(String normalised) {
        return !normalised.isEmpty()
                && !NOT_GENRES.contains(normalised)
                && !normalised.matches("\\d+s?")
                && normalised.length() <= 40;
    }
}
