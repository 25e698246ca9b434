package io.spotifyinsight.fetcher.engine;

import io.spotifyinsight.persistence.recommendation.Strategy;

/** Where a run reports each user's outcome as it happens. Called from several threads. */
public interface Progress {
    void started(int usersTotal);

    void userStored(String username, int tracks, Strategy strategy);

    void userFailed(String username, String reason);

    /** Not tried because the run stopped early; the job has logged why, once. */
    void userSkipped(String username);

    void finished();
}
