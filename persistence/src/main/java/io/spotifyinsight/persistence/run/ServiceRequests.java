package io.spotifyinsight.persistence.run;

/** Requests a run sent to each service (every attempt: retries and token requests included). */
public record ServiceRequests(int spotify, int reccobeats, int lastfm, int musicbrainz) {
    public static final ServiceRequests NONE = new ServiceRequests(0, 0, 0, 0);

    public ServiceRequests {
        if (spotify < 0 || reccobeats < 0 || lastfm < 0 || musicbrainz < 0) {
            throw new IllegalArgumentException("request counts must not be negative");
        }
    }
}
