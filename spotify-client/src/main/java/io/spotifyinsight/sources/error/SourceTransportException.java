package io.spotifyinsight.sources.error;

import io.spotifyinsight.sources.SourceService;

/** No usable answer: connection refused or reset, timeout, interrupted wait. */
public final class SourceTransportException extends SourceException {

    public SourceTransportException(SourceService service, String message, Throwable cause) {
        super(service, message, 0, true, cause);
    }
}
