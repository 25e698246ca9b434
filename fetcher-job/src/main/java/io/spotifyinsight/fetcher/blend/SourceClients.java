package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.sources.LastFmClient;
import io.spotifyinsight.sources.MusicBrainzClient;
import io.spotifyinsight.sources.ReccoBeatsClient;
import io.spotifyinsight.spotify.SpotifyClient;

/**
 * The clients a blend run asks, built together by the composition root: Spotify always; ReccoBeats,
 * Last.fm and MusicBrainz each null when its service is not among the run's sources ({@code
 * FETCHER_SOURCES}; Last.fm only with a key), so that a null client and a service the run's {@link
 * SourceHealth} was never given go together.
 */
public record SourceClients(
        SpotifyClient spotify,
        ReccoBeatsClient reccoBeats,
        LastFmClient lastFm,
        MusicBrainzClient musicBrainz) {}
