package io.spotifyinsight.web.page;

import io.spotifyinsight.persistence.recommendation.TrackSource;

/** How a page names the service a track came from. */
final class SourceLabels {
    private SourceLabels() {}

    static String of(TrackSource source) {
        return switch (source) {
            case SPOTIFY -> "Spotify";
            case SEARCH -> "Spotify search";
            case RECCOBEATS -> "ReccoBeats";
            case LASTFM -> "Last.fm";
        };
    }
}
