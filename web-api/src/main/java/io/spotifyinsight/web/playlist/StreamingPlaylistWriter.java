package io.spotifyinsight.web.playlist;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the formats share: a media type and file extension fixed at construction, and handing the
 * tracks one by one to a step that writes them and may fail, as {@link #write} allows.
 */
abstract class StreamingPlaylistWriter implements PlaylistWriter {
    private final String contentType;
    private final String fileExtension;

    StreamingPlaylistWriter(String contentType, String fileExtension) {
        this.contentType = contentType;
        this.fileExtension = fileExtension;
    }

    @Override
    public final String contentType() {
        return contentType;
    }

    @Override
    public final String fileExtension() {
        return fileExtension;
    }

    /**
     * Writes each track that {@code tracks} hands over with {@code step}; a write failure leaves
     * {@code tracks} as an {@link UncheckedIOException} (its callback cannot throw checked ones).
     */
    static void eachTrack(Tracks tracks, TrackStep step) {
        tracks.forEach(
                track -> {
                    try {
                        step.write(track);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Writes one track. */
    @FunctionalInterface
    interface TrackStep {
        void write(Playlist.Track track) throws IOException;
    }
}
