package io.spotifyinsight.fetcher.report;

import java.util.List;

/**
 * Tells the outside world how a run ended: a webhook, a metrics file, a pushgateway. An
 * implementation never throws and never changes the run's outcome or exit code: it logs its own
 * failure once and returns.
 */
public interface RunReporter {
    RunReporter NONE = report -> {};

    void report(RunReport report);

    /** Every reporter in turn, each guarded so that one's bug cannot stop the others. */
    static RunReporter all(List<RunReporter> reporters) {
        List<RunReporter> copy = List.copyOf(reporters);
        return report -> {
            for (RunReporter reporter : copy) {
                try {
                    reporter.report(report);
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(RunReporter.class)
                            .warn("reporting the run's outcome failed: {}", e.toString());
                }
            }
        };
    }
}
