package io.spotifyinsight.web.playlist;

/**
 * Where our own data lives in the exported playlists. The formats want an application URI for
 * extensions; ours are versioned paths under one base, so a later shape can get a new one.
 */
final class Extensions {
    static final String BASE = "https://spotify-insight.github.io/ns/";

    private Extensions() {}
}
