package io.spotifyinsight.fetcher.engine;

import io.spotifyinsight.persistence.run.ServiceRequests;
import java.util.List;

/**
 * What a run's row records besides its users: requests per service, sources that were unavailable.
 */
public interface RunTelemetry {
    RunTelemetry NONE =
            new RunTelemetry() {
                @Override
                public ServiceRequests requests() {
                    return ServiceRequests.NONE;
                }

                @Override
                public List<String> unavailableSources() {
                    return List.of();
                }
            };

    ServiceRequests requests();

    /** Config names of the third-party sources that failed during the run. */
    List<String> unavailableSources();
}
