package io.spotifyinsight.persistence.run;

import io.spotifyinsight.persistence.StoredName;

/** The state of a fetch run. */
public enum RunStatus implements StoredName {
    RUNNING,
    SUCCEEDED,
    PARTIAL,
    FAILED;

    public static RunStatus fromDb(String value) {
        return StoredName.fromDb(RunStatus.class, value);
    }
}
