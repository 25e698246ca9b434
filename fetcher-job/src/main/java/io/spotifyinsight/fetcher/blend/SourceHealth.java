package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.sources.SourceService;
import io.spotifyinsight.sources.error.SourceException;
import io.spotifyinsight.sources.error.SourceKeyException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which third-party sources a run may still call. The first failure of a source (down, 5xx after
 * its retries, 429 beyond its budget, an invalid key) takes it out of the run with one warning;
 * every alias after that does without it, and its lists say so. A failing source degrades a run,
 * never breaks it. Thread-safe; one per run.
 */
public final class SourceHealth {
    private static final Logger log = LoggerFactory.getLogger(SourceHealth.class);

    private final Set<SourceService> configured;
    private final Set<SourceService> unavailable = ConcurrentHashMap.newKeySet();

    public SourceHealth(Set<SourceService> configured) {
        this.configured =
                configured.isEmpty()
                        ? EnumSet.noneOf(SourceService.class)
                        : EnumSet.copyOf(configured);
    }

    public boolean usable(SourceService service) {
        return configured.contains(service) && !unavailable.contains(service);
    }

    /** Takes the source out of the run; warns once per source. */
    public void failed(SourceService service, SourceException e) {
        if (unavailable.add(service)) {
            String what =
                    e instanceof SourceKeyException
                            ? e.getMessage()
                            : e.getMessage() + (e.retryable() ? " (after its retries)" : "");
            log.warn(
                    "{} is unavailable for the rest of this run, lists are made without it: {}",
                    service.displayName(),
                    what);
        }
    }

    /** The configured sources that failed in this run, by config name. */
    public List<String> unavailableNames() {
        return unavailable.stream().map(SourceService::configName).sorted().toList();
    }

    public Set<SourceService> unavailable() {
        return Collections.unmodifiableSet(unavailable);
    }
}
