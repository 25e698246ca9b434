package io.spotifyinsight.sources.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Pure helpers the source fakes share: stable hashes (so coverage and noise are the same in every
 * run and JVM), derived UUIDs, genre wording and name folding.
 */
final class SourceData {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");

    private SourceData() {}

    /** A stable number in [0, 1) for a key, different for each salt (FNV-1a, then splitmix64). */
    static double unit(String salt, String key) {
        return (hash(salt, key) >>> 11) * 0x1.0p-53;
    }

    static long hash(String salt, String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (salt + '\u0000' + key).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h += 0x9e3779b97f4a7c15L;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /** A stable UUID for a thing in a namespace, e.g. {@code uuid("musicbrainz:artist", id)}. */
    static String uuid(String namespace, String key) {
        return UUID.nameUUIDFromBytes((namespace + ":" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The MusicBrainz id of a catalogue artist; Last.fm reports the same one. */
    static String artistMbid(String spotifyArtistId) {
        return uuid("musicbrainz:artist", spotifyArtistId);
    }

    /** The MusicBrainz recording id of a catalogue track. */
    static String recordingMbid(String spotifyTrackId) {
        return uuid("musicbrainz:recording", spotifyTrackId);
    }

    /**
     * A seed-style genre ({@code trip-hop}, {@code r-n-b}) as Last.fm and MusicBrainz write it:
     * lower case with spaces ({@code trip hop}, {@code r n b}).
     */
    static String spaced(String seedGenre) {
        return SEPARATORS.matcher(seedGenre.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** Lower case, no accents, runs of blanks, hyphens and underscores as one space. */
    static String fold(String text) {
        String plain =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** An int query parameter, the default when absent, null when not a whole number. */
    static Integer intParam(String value, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
