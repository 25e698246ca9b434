package io.spotifyinsight.persistence.recommendation;

import java.util.Objects;

/**
 * A track on a list, with where it came from and a sentence a person can read saying why it is
 * there ("similar to your seed track 'Regulate' (ReccoBeats)").
 */
public record RecommendedTrack(TrackInfo track, TrackSource source, String reason) {
    public static final int MAX_REASON_LENGTH = 300;

    public RecommendedTrack {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("track " + track.id() + " needs a reason");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
        }
    }

    public String id() {
        return track.id();
    }
}
