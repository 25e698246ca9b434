package io.spotifyinsight.persistence.run;

import io.spotifyinsight.persistence.StoredName;

/** The state of a fetch run. */
public enum RunStatus implements StoredName {
    RUNNING,
    SUCCEEDED,
    PARTIAL,
    FAILED;
}
