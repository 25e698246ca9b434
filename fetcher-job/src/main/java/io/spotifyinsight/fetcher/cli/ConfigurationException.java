package io.spotifyinsight.fetcher.cli;

import java.util.List;

/** One or more environment variables are missing or invalid: exit 2 before any work. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(List<String> problems) {
        super("configuration error:\n  - " + String.join("\n  - ", problems));
    }
}
