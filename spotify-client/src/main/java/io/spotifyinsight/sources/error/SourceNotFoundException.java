package io.spotifyinsight.sources.error;

import io.spotifyinsight.sources.SourceService;

/**
 * 404, or Last.fm error 6. The clients turn it into an empty answer ("the source knows nothing
 * about this"), so callers of the public API do not normally see it.
 */
public final class SourceNotFoundException extends SourceRequestException {

    public SourceNotFoundException(SourceService service, String message, int status) {
        super(service, message, status);
    }
}
