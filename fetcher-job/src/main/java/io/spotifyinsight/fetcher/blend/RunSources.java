package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.sources.LastFmClient;
import io.spotifyinsight.sources.MusicBrainzClient;
import io.spotifyinsight.sources.ReccoBeatsClient;
import io.spotifyinsight.spotify.SpotifyClient;

/**
 * The services a blend run asks, built together by the composition root: Spotify always;
 * ReccoBeats, Last.fm and MusicBrainz each null when its service is not among the run's sources
 * ({@code FETCHER_SOURCES}; Last.fm only with a key), which are those {@code health} was given; and
 * {@code health}, which says which of them still answer in this run and hears their failures.
 */
public record RunSources(
        SpotifyClient spotify,
        ReccoBeatsClient reccoBeats,
        LastFmClient lastFm,
        MusicBrainzClient musicBrainz,
        SourceHealth health) {}
