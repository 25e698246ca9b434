package io.spotifyinsight.spotify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Spotify ids in the forms people paste: a bare id ({@code 4NHQUGzhtTLFvgF5SZesLK}), a URI
 * ({@code spotify:artist:4NHQUGzhtTLFvgF5SZesLK}) or an open.spotify.com link, including the {@code
 * ?si=...} share suffix and the {@code /intl-xx/} locale segment. Pure helper.
 */
public final class SpotifyIds {

    /** What the id must identify. */
    public enum Kind {
        ARTIST,
        TRACK,
        ALBUM;

        String path() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern ID = Pattern.compile("^[0-9A-Za-z]{22}$");
    private static final Pattern INTL = Pattern.compile("^intl-[a-zA-Z]{2}([-_][a-zA-Z]{2})?$");

    private SpotifyIds() {}

    /** Whether {@code value} is a bare Spotify id: 22 base62 characters. */
    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /**
     * The bare id of a {@code kind} given as id, URI or link.
     *
     * @throws IllegalArgumentException if the input is malformed or names another kind, with a
     *     message listing the accepted forms
     */
    public static String parse(Kind kind, String input) {
        if (input == null) {
            throw invalid(kind, null, "nothing was given");
        }
        String value = input.strip();
        if (isId(value)) {
            return value;
        }
        if (value.startsWith("spotify:")) {
            String[] parts = value.split(":", -1);
            if (parts.length == 3) {
                return checkKindAndId(kind, input, parts[1], parts[2]);
            }
            throw invalid(kind, input, "a URI has the form spotify:<type>:<id>");
        }
        if (value.startsWith("http://") || value.startsWith("https://")) {
            return fromLink(kind, input, value);
        }
        throw invalid(kind, input, "it is neither an id, a URI nor a link");
    }

    private static String fromLink(Kind kind, String input, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(kind, input, "it is not a valid link");
        }
        if (!"open.spotify.com".equalsIgnoreCase(uri.getHost()) || uri.getPath() == null) {
            throw invalid(kind, input, "links must point to open.spotify.com");
        }
        String[] segments = uri.getPath().replaceFirst("^/", "").replaceFirst("/$", "").split("/");
        int first = segments.length > 0 && INTL.matcher(segments[0]).matches() ? 1 : 0;
        if (segments.length - first != 2) {
            throw invalid(kind, input, "a link has the form https://open.spotify.com/<type>/<id>");
        }
        return checkKindAndId(kind, input, segments[first], segments[first + 1]);
    }

    private static String checkKindAndId(Kind kind, String input, String type, String id) {
        if (!kind.path().equals(type)) {
            throw invalid(
                    kind,
                    input,
                    "it names "
                            + withArticle(type.isEmpty() ? "?" : type)
                            + ", not "
                            + withArticle(kind.path()));
        }
        if (!isId(id)) {
            throw invalid(kind, input, "the id must be 22 characters 0-9, a-z, A-Z");
        }
        return id;
    }

    /** Spotify's types said with "an"; any other ("track", "user", "playlist") takes "a". */
    private static final Set<String> AN = Set.of("album", "artist", "audiobook", "episode");

    /**
     * "a track", "an artist", "a user": the type, as the user's input names it, with its article.
     */
    private static String withArticle(String type) {
        return (AN.contains(type) ? "an " : "a ") + type;
    }

    private static IllegalArgumentException invalid(Kind kind, String input, String why) {
        String shown =
                input == null
                        ? "null"
                        : "'"
                                + (input.length() > 120 ? input.substring(0, 120) + "..." : input)
                                + "'";
        String type = kind.path();
        return new IllegalArgumentException(
                "not a Spotify "
                        + type
                        + " id: "
                        + shown
                        + " ("
                        + why
                        + "); expected a 22-character id such as 4NHQUGzhtTLFvgF5SZesLK, a spotify:"
                        + type
                        + ":<id> URI or an https://open.spotify.com/"
                        + type
                        + "/<id> link");
    }
}
