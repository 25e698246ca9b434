package io.spotifyinsight.web.playlist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Renders a {@link Playlist} in one file format. Implementations are stateless and thread-safe. */
public interface PlaylistWriter {
    /** The Content-Type header value, charset included where the type has one. */
    String contentType();

    /** The download file's extension, without the dot ("jspf"). */
    String fileExtension();

    /**
     * Writes {@code head}'s title, dates and scope, then each track as {@code tracks} hands it
     * over, then the end, flushing but not closing {@code out}: a range's tracks are never all in
     * memory. {@code head}'s own track list is not written. A failure to write surfaces as an
     * IOException, or as an {@link UncheckedIOException} from inside {@code tracks}.
     */
    void write(Playlist head, Tracks tracks, OutputStream out) throws IOException;

    /** The whole playlist as bytes (a day's list, which is small). */
    default byte[] write(Playlist playlist) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            write(playlist, playlist.tracks()::forEach, out);
        } catch (IOException impossible) { // a byte array does not fail
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    /** Hands a playlist's tracks over one at a time, in order. */
    @FunctionalInterface
    interface Tracks {
        void forEach(Consumer<Playlist.Track> each);
    }
}
