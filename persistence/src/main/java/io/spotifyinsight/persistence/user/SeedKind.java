package io.spotifyinsight.persistence.user;

/** What a seed names; stored lower-case in {@code user_seed.kind}. */
public enum SeedKind {
    ARTIST,
    GENRE,
    TRACK;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SeedKind fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
