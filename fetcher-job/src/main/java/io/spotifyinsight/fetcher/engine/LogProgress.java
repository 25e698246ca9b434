package io.spotifyinsight.fetcher.engine;

import io.spotifyinsight.persistence.recommendation.Strategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress for log files (cron, pipes): one line per user, and a "done of total" line every tenth
 * of the run, so a log shows how far a run got even if it was killed.
 */
public final class LogProgress implements Progress {
    private static final Logger log = LoggerFactory.getLogger("io.spotifyinsight.fetcher.progress");

    private int total;
    private int done;
    private int failed;
    private int nextReport;

    @Override
    public synchronized void started(int usersTotal) {
        total = usersTotal;
        nextReport = step();
    }

    @Override
    public void userStored(String username, int tracks, Strategy strategy) {
        log.info("{}: {} tracks ({})", username, tracks, strategy.dbValue());
        count(false);
    }

    @Override
    public void userFailed(String username, String reason) {
        log.warn("{}: failed: {}", username, reason);
        count(true);
    }

    @Override
    public void userSkipped(String username) {
        log.debug("{}: not fetched (the run stopped early)", username);
        count(true);
    }

    private synchronized void count(boolean failure) {
        done++;
        if (failure) {
            failed++;
        }
        if (done >= nextReport && done < total) {
            log.info("progress: {} of {} users done, {} failed", done, total, failed);
            nextReport = done + step();
        }
    }

    private int step() {
        return Math.max(10, total / 10);
    }

    @Override
    public void finished() {
        // the job logs its own summary
    }
}
