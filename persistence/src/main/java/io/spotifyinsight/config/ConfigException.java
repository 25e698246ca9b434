package io.spotifyinsight.config;

import java.util.List;

/**
 * One or more environment variables are missing or invalid. Carries every problem found, each
 * naming its variable, what was wrong and what is accepted; never a secret's value. Executables
 * exit 2 on it.
 */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("configuration error:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
