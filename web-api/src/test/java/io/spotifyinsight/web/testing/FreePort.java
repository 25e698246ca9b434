package io.spotifyinsight.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A loopback port that nothing listens on. */
public final class FreePort {
    private FreePort() {}

    /**
     * A port the system just handed out and took back: free now, so a process started next can
     * listen on it, or a client connecting to it is refused.
     */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
