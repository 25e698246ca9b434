package io.spotifyinsight.sources.error;

import io.spotifyinsight.sources.SourceService;

/** The answer is malformed JSON or has a shape we cannot read. Not retryable. */
public final class SourceDecodingException extends SourceException {

    public SourceDecodingException(
            SourceService service, String message, int status, Throwable cause) {
        super(service, message, status, false, cause);
    }
}
