package io.spotifyinsight.fetcher;

/** A fetcher setting in the environment is invalid; the message names every bad variable. */
public final class FetcherConfigException extends IllegalArgumentException {
    public FetcherConfigException(String message) {
        super(message);
    }
}
