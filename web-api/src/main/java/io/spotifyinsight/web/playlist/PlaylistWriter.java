package io.spotifyinsight.web.playlist;

/** Renders a {@link Playlist} in one file format. Implementations are stateless and thread-safe. */
public interface PlaylistWriter {
    /** The Content-Type header value, charset included where the type has one. */
    String contentType();

    /** The download file's extension, without the dot ("jspf"). */
    String fileExtension();

    byte[] write(Playlist playlist);
}
