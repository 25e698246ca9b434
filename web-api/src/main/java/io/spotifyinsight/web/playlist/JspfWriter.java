package io.spotifyinsight.web.playlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * JSPF (XSPF as JSON, https://wiki.xiph.org/JSPF, as ListenBrainz reads it): a track's
 * {@code location} and {@code identifier} are arrays of URIs while the playlist's are strings, and
 * absent optional fields are left out rather than sent as null. Our own data sits under
 * {@code extension}, keyed by an application URI of ours, as an object (as ListenBrainz does for its
 * own extension).
 */
public final class JspfWriter implements PlaylistWriter {
    /** The key of our data in a track's {@code extension}. */
    public static final String TRACK_EXTENSION = Extensions.BASE + "jspf/track/1";
    /** The key of our data in the playlist's {@code extension}. */
    public static final String PLAYLIST_EXTENSION = Extensions.BASE + "jspf/playlist/1";

    private final ObjectMapper json;

    /** {@code json}: the app's mapper (its snake_case naming leaves these one-word names as they are). */
    public JspfWriter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public String fileExtension() {
        return "jspf";
    }

    @Override
    public byte[] write(Playlist playlist) {
        Playlist.Scope scope = playlist.scope();
        var body = new JspfPlaylist(playlist.title(), playlist.creator(), playlist.annotation(),
                playlist.created() == null ? null : playlist.created().toString(), playlist.identifier(),
                Map.of(PLAYLIST_EXTENSION, new PlaylistData(scope.username(), scope.from(), scope.to())),
                playlist.tracks().stream().map(JspfWriter::track).toList());
        try {
            return json.writeValueAsBytes(new Document(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JspfTrack track(Playlist.Track t) {
        Playlist.Origin o = t.origin();
        return new JspfTrack(t.title(), t.creator(), t.album(), t.durationMs(), List.of(t.location()),
                List.of(t.location()), t.image(),
                Map.of(TRACK_EXTENSION, new TrackData(o.date(), o.position(), o.source(), o.reason())));
    }

    record Document(JspfPlaylist playlist) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JspfPlaylist(String title, String creator, String annotation, String date, String identifier,
                        Map<String, PlaylistData> extension, List<JspfTrack> track) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JspfTrack(String title, String creator, String album, long duration, List<String> location,
                     List<String> identifier, String image, Map<String, TrackData> extension) {
    }

    record PlaylistData(String username, LocalDate from, LocalDate to) {
    }

    record TrackData(LocalDate date, int position, String source, String reason) {
    }
}
