package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.sources.SourceService;
import java.util.List;

/**
 * One place candidates come from. Implementations are shared by a run's threads. A third-party
 * source's failure surfaces as a {@link io.spotifyinsight.sources.error.SourceException}, which the
 * blend turns into a degraded list; a Spotify failure as a SpotifyException, which the job handles.
 */
public interface CandidateSource {
    /** The third-party service behind this source; null for Spotify itself. */
    SourceService service();

    List<Candidate> candidates(AliasFetch fetch);
}
