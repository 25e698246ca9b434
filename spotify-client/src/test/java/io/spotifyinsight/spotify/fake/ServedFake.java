package io.spotifyinsight.spotify.fake;

import java.util.List;

/**
 * What every fake offers through the {@link ReplyServer} it answers on: its port, its request log,
 * and closing, written once here for the fake Spotify and the fakes of the recommendation sources.
 */
public interface ServedFake extends AutoCloseable {

    /** The server this fake answers on. */
    ReplyServer http();

    default int port() {
        return http().port();
    }

    /** Every request received so far (the newest the log keeps), oldest first. */
    default List<RecordedCall> requests() {
        return http().requests();
    }

    default void resetLog() {
        http().resetLog();
    }

    /** Stops serving: connections are refused from now on. */
    @Override
    default void close() {
        http().close();
    }
}
