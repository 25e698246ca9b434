package io.spotifyinsight.web;

/** The environment holds invalid settings; the message names every bad variable. */
public final class WebConfigException extends RuntimeException {
    public WebConfigException(String message) {
        super(message);
    }
}
