package io.spotifyinsight.spotify.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** The one wording of a JSON body that is not shaped as expected, for every client's readers. */
public final class JsonMismatch {
    private JsonMismatch() {}

    /**
     * {@code unexpected JSON from Spotify for GET /v1/search: tracks.items[3] should be an object
     * but is string}.
     *
     * @param source what the body answered, e.g. {@code GET /v1/search}
     * @param path from the root {@code $}, which is left out of the message
     * @param found the node there, or null when there is none
     */
    public static String message(
            String service, String source, String path, String expected, JsonNode found) {
        String what =
                found == null ? "nothing" : found.getNodeType().toString().toLowerCase(Locale.ROOT);
        return "unexpected JSON from "
                + service
                + " for "
                + source
                + ": "
                + path.replaceFirst("^\\$\\.?", "")
                + " should be "
                + expected
                + " but is "
                + what;
    }
}
