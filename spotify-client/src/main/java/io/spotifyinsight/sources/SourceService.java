package io.spotifyinsight.sources;

/** The recommendation sources beyond Spotify, with the names used in config and messages. */
public enum SourceService {
    RECCOBEATS("reccobeats", "ReccoBeats", "https://api.reccobeats.com/v1"),
    LASTFM("lastfm", "Last.fm", "https://ws.audioscrobbler.com/2.0/"),
    MUSICBRAINZ("musicbrainz", "MusicBrainz", "https://musicbrainz.org/ws/2");

    private final String configName;
    private final String displayName;
    private final String defaultBaseUrl;

    SourceService(String configName, String displayName, String defaultBaseUrl) {
        this.configName = configName;
        this.displayName = displayName;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** Lower-case name for configuration keys and metrics, e.g. {@code lastfm}. */
    public String configName() {
        return configName;
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
