package io.spotifyinsight.web.error;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a database outage once, not once per request: the first failure at WARN ("outage starts"),
 * the ones after it at DEBUG, and the first answer from the database after them at INFO with the
 * count of failed requests. During an outage every request fails the same way; a WARN line each
 * would bury the one line that matters (and fill the disk under load). Thread-safe.
 */
public final class DatabaseOutageLog {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageLog.class);

    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong failedRequests = new AtomicLong();

    /** A request failed because the database was unreachable or did not answer in time. */
    public void failed(String request, String cause) {
        failedRequests.incrementAndGet();
        if (down.compareAndSet(false, true)) {
            LOG.warn(
                    "database unavailable for {}: {} (outage starts; further failures are logged at"
                            + " DEBUG until it answers again)",
                    request,
                    cause);
        } else {
            LOG.debug("database unavailable for {}: {}", request, cause);
        }
    }

    /** A request was answered with the database's help: ends an outage, if one was going on. */
    public void answered() {
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.info(
                    "database available again; {} request(s) failed during the outage",
                    failedRequests.getAndSet(0));
        }
    }
}
