package io.spotifyinsight.persistence.recommendation;

import io.spotifyinsight.persistence.StoredName;

/** Where a recommended track came from; stored lower-case with every row and shown by the API. */
public enum TrackSource implements StoredName {
    /** Spotify's own {@code /v1/recommendations}. */
    SPOTIFY,
    /** Spotify search, from the seeds' genres, artists and eras. */
    SEARCH,
    /** ReccoBeats' recommendations for seed tracks. */
    RECCOBEATS,
    /** Last.fm: similar artists, similar tracks, a tag's top tracks. */
    LASTFM;
}
