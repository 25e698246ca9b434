package io.spotifyinsight.persistence.user;

import io.spotifyinsight.persistence.StoredName;

/** What a seed names; stored lower-case in {@code user_seed.kind}. */
public enum SeedKind implements StoredName {
    ARTIST,
    GENRE,
    TRACK;
}
