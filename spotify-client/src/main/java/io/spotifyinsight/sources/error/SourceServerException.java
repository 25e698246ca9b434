package io.spotifyinsight.sources.error;

import io.spotifyinsight.sources.SourceService;

/**
 * 5xx (MusicBrainz also answers 503 when over its rate limit), or a Last.fm error saying the
 * service is temporarily down. Thrown after the retries ran out.
 */
public final class SourceServerException extends SourceException {

    public SourceServerException(SourceService service, String message, int status) {
        super(service, message, status, true, null);
    }
}
