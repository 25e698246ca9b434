package io.spotifyinsight.persistence.user;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A stored user alias: its identity and timestamps, and what can be set on it ({@link
 * UserSettings}: username, seeds, market and the rest), read as {@code alias.settings().seeds()}.
 */
public record UserAlias(
        long id, UserSettings settings, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    public UserAlias {
        Objects.requireNonNull(settings, "settings");
    }
}
