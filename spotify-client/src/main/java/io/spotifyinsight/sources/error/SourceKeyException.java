package io.spotifyinsight.sources.error;

import io.spotifyinsight.sources.SourceService;

/**
 * The source rejected our API key (Last.fm error 10 invalid, 26 suspended). Not retryable: the
 * operator must supply another key. The message says which variable to fix and never contains the
 * key.
 */
public final class SourceKeyException extends SourceException {

    private final int errorCode;

    public SourceKeyException(SourceService service, String message, int status, int errorCode) {
        super(service, message, status, false, null);
        this.errorCode = errorCode;
    }

    /** The source's own error code, e.g. Last.fm's 10 or 26. */
    public int errorCode() {
        return errorCode;
    }
}
