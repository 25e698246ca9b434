package io.spotifyinsight.fetcher.engine;

import io.spotifyinsight.persistence.recommendation.Strategy;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress for a person at a terminal: one line redrawn in place ("users done of total, failures").
 * A failure is logged above it: the line is cleared first and redrawn after, so the log stays
 * readable.
 */
public final class TerminalProgress implements Progress {
    private static final Logger log = LoggerFactory.getLogger("io.spotifyinsight.fetcher.progress");
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream terminal;
    private int total;
    private int done;
    private int failed;

    public TerminalProgress(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public synchronized void started(int usersTotal) {
        total = usersTotal;
        redraw();
    }

    @Override
    public synchronized void userStored(String username, int tracks, Strategy strategy) {
        log.debug("{}: {} tracks ({})", username, tracks, strategy.dbValue());
        done++;
        redraw();
    }

    @Override
    public synchronized void userFailed(String username, String reason) {
        terminal.print(CLEAR_LINE);
        terminal.flush();
        log.warn("{}: failed: {}", username, reason);
        done++;
        failed++;
        redraw();
    }

    @Override
    public synchronized void userSkipped(String username) {
        done++;
        failed++;
        redraw();
    }

    private void redraw() {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        terminal.print(
                CLEAR_LINE
                        + "["
                        + "#".repeat(filled)
                        + " ".repeat(width - filled)
                        + "] "
                        + done
                        + "/"
                        + total
                        + " users done"
                        + (failed > 0 ? ", " + failed + " failed" : ""));
        terminal.flush();
    }

    @Override
    public synchronized void finished() {
        terminal.println();
        terminal.flush();
    }
}
