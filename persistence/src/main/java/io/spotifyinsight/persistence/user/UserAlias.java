package io.spotifyinsight.persistence.user;

import java.time.OffsetDateTime;
import java.util.Objects;

/** A stored user alias with its seeds. */
public record UserAlias(
        long id, UserSettings settings, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    public UserAlias {
        Objects.requireNonNull(settings, "settings");
    }

    public String username() {
        return settings.username();
    }

    public boolean active() {
        return settings.active();
    }

    public String market() {
        return settings.market();
    }

    public int trackLimit() {
        return settings.trackLimit();
    }

    public Seeds seeds() {
        return settings.seeds();
    }

    public Exclusions exclusions() {
        return settings.exclusions();
    }
}
