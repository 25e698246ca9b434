package io.spotifyinsight.sources;

import java.util.Locale;

/** The recommendation sources beyond Spotify, with the names used in config and messages. */
public enum SourceService {
    RECCOBEATS("ReccoBeats", "https://api.reccobeats.com/v1"),
    LASTFM("Last.fm", "https://ws.audioscrobbler.com/2.0/"),
    MUSICBRAINZ("MusicBrainz", "https://musicbrainz.org/ws/2");

    private final String displayName;
    private final String defaultBaseUrl;

    SourceService(String displayName, String defaultBaseUrl) {
        this.displayName = displayName;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /**
     * Lower-case name for configuration keys and metrics, e.g. {@code lastfm}: the constant's name
     * in lower case.
     */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The vendor's spelling, for messages, e.g. {@code Last.fm}. */
    public String displayName() {
        return displayName;
    }

    /** The public production endpoint. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }
}
