package io.spotifyinsight.web.playlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * JSPF (XSPF as JSON, https://wiki.xiph.org/JSPF, as ListenBrainz reads it): a track's {@code
 * location} and {@code identifier} are arrays of URIs while the playlist's are strings, and absent
 * optional fields are left out rather than sent as null. Our own data sits under {@code extension},
 * keyed by an application URI of ours, as an object (as ListenBrainz does for its own extension).
 */
public final class JspfWriter extends StreamingPlaylistWriter {
    /** The key of our data in a track's {@code extension}. */
    public static final String TRACK_EXTENSION = Extensions.BASE + "jspf/track/1";

    /** The key of our data in the playlist's {@code extension}. */
    public static final String PLAYLIST_EXTENSION = Extensions.BASE + "jspf/playlist/1";

    private final ObjectMapper json;

    /**
     * {@code json}: the app's mapper (its snake_case naming leaves these one-word names as they
     * are).
     */
    public JspfWriter(ObjectMapper json) {
        super("application/json", "jspf");
        this.json = json;
    }

    /**
     * The document {@code {"playlist": {...}}} as the records below serialise it, written field by
     * field so that the tracks can come one at a time: the fields in the order of {@link
     * JspfPlaylist}, absent ones left out, each value by the same mapper.
     */
    @Override
    public void write(Playlist head, Tracks tracks, OutputStream out) throws IOException {
        Playlist.Scope scope = head.scope();
        try (JsonGenerator jspf = json.createGenerator(out)) {
            jspf.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            jspf.writeStartObject();
            jspf.writeObjectFieldStart("playlist");
            optional(jspf, "title", head.title());
            optional(jspf, "creator", head.creator());
            optional(jspf, "annotation", head.annotation());
            optional(jspf, "date", head.created() == null ? null : head.created().toString());
            optional(jspf, "identifier", head.identifier());
            jspf.writeObjectField(
                    "extension",
                    Map.of(
                            PLAYLIST_EXTENSION,
                            new PlaylistData(scope.username(), scope.from(), scope.to())));
            jspf.writeArrayFieldStart("track");
            eachTrack(tracks, track -> jspf.writeObject(track(track)));
            jspf.writeEndArray();
            jspf.writeEndObject();
            jspf.writeEndObject();
        }
    }

    private static void optional(JsonGenerator jspf, String name, String value) throws IOException {
        if (value != null) {
            jspf.writeStringField(name, value);
        }
    }

    private static JspfTrack track(Playlist.Track t) {
        Playlist.Origin o = t.origin();
        return new JspfTrack(
                t.title(),
                t.creator(),
                t.album(),
                t.durationMs(),
                List.of(t.location()),
                List.of(t.location()),
                t.image(),
                Map.of(
                        TRACK_EXTENSION,
                        new TrackData(o.date(), o.position(), o.source(), o.reason())));
    }

    /**
     * The playlist's fields, in the order {@link #write} writes them (the tracks come one by one).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JspfPlaylist(
            String title,
            String creator,
            String annotation,
            String date,
            String identifier,
            Map<String, PlaylistData> extension,
            List<JspfTrack> track) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JspfTrack(
            String title,
            String creator,
            String album,
            long duration,
            List<String> location,
            List<String> identifier,
            String image,
            Map<String, TrackData> extension) {}

    record PlaylistData(String username, LocalDate from, LocalDate to) {}

    record TrackData(LocalDate date, int position, String source, String reason) {}
}
