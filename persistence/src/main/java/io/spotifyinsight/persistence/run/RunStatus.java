package io.spotifyinsight.persistence.run;

import java.util.Locale;

/** The state of a fetch run. */
public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    PARTIAL,
    FAILED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
