package io.spotifyinsight.fetcher;

import java.util.Map;

/**
 * {@code LOG_FORMAT}: which of logback.xml's appenders the logs go through, {@code text} (default) or
 * {@code json}. logback reads the variable itself, by appender name; it is checked here because
 * logback would take an unknown name as "no appender" and log nothing at all.
 */
public enum LogFormat {
    TEXT, JSON;

    public static final String ACCEPTED = "text (the default: timestamped lines) or json (one JSON object per line),"
            + " in lower case";

    public static LogFormat fromEnv(Map<String, String> env) {
        String raw = env.get("LOG_FORMAT");
        if (raw == null || raw.isEmpty()) {
            return TEXT;
        }
        return switch (raw) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new FetcherConfigException("LOG_FORMAT is '" + raw + "': expected " + ACCEPTED);
        };
    }
}
