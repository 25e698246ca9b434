package io.spotifyinsight.fetcher.run;

import io.spotifyinsight.fetcher.StrategyChoice;
import io.spotifyinsight.fetcher.blend.SourceHealth;
import io.spotifyinsight.fetcher.engine.FetchJob;
import io.spotifyinsight.fetcher.engine.Progress;
import io.spotifyinsight.fetcher.engine.RecommendationStrategy;
import io.spotifyinsight.fetcher.engine.RunTelemetry;
import io.spotifyinsight.fetcher.engine.ServiceTraffic;
import io.spotifyinsight.fetcher.report.RunReport;
import io.spotifyinsight.fetcher.report.RunReporter;
import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.persistence.user.UserRepository;
import io.spotifyinsight.sources.SourceService;
import java.util.Map;

/**
 * What {@code run} uses, built on demand by the composition root: nothing is opened before the
 * command has checked its settings, and a run that fails early opens only what it reached.
 */
public interface RunParts {
    /** Who hears how a run ended; a part with invalid settings is left out. */
    RunReporter runReporters();

    /** The database with at least {@code minPoolSize} connections, reachable and migrated. */
    Database database(int minPoolSize, boolean migrate);

    UserRepository users();

    FetchJob fetchJob();

    /** A fresh view of the configured third-party sources, for one run. */
    SourceHealth sourceHealth();

    /** A fresh strategy for one run. */
    RecommendationStrategy strategy(StrategyChoice choice, SourceHealth health);

    RunTelemetry telemetry(SourceHealth health);

    Progress progress();

    ServiceTraffic traffic();

    Map<SourceService, ServiceTraffic> sourceTraffic();

    Map<String, RunReport.Traffic> trafficByService();
}
