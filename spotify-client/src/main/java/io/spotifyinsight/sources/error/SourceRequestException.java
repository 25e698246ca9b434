package io.spotifyinsight.sources.error;

import io.spotifyinsight.sources.SourceService;

/**
 * A 4xx other than 429, or a Last.fm error other than the key, rate-limit and outage ones: the same
 * request will fail again.
 */
public class SourceRequestException extends SourceException {

    public SourceRequestException(SourceService service, String message, int status) {
        super(service, message, status, false, null);
    }
}
