package io.spotifyinsight.sources.fake;

import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogArtist;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An artist as Last.fm knows it: by name, so catalogue artists sharing a name are one Last.fm
 * artist (as on Last.fm), with the union of their genres as tags plus non-genre noise tags.
 *
 * @param tags tag name (lower case, spaces) to count (0..100); genres first (100, 70, 40, ...),
 *     then noise with lower counts
 * @param mbid the MusicBrainz id of the first catalogue artist, or "" (about a third)
 */
record LastFmArtist(
        String name,
        String mbid,
        List<CatalogArtist> members,
        List<CatalogTrack> tracks,
        Map<String, Integer> tags) {

    private static final int[] GENRE_COUNTS = {100, 70, 40, 25, 15, 10};
    private static final String[] NOISE = {
        "seen live",
        "favourites",
        "awesome",
        "love",
        "beautiful",
        "female vocalists",
        "male vocalists",
        "00s",
        "90s",
        "favorite",
        "my music"
    };

    static LastFmArtist of(List<CatalogArtist> members, List<CatalogTrack> tracks) {
        CatalogArtist first = members.get(0);
        Map<String, Integer> tags = new LinkedHashMap<>();
        for (CatalogArtist member : members) {
            for (String genre : member.genres()) {
                String tag = SourceData.spaced(genre);
                if (!tags.containsKey(tag)) {
                    tags.put(tag, GENRE_COUNTS[Math.min(tags.size(), GENRE_COUNTS.length - 1)]);
                }
            }
        }
        int noise = 1 + (int) (SourceData.unit("lastfm-noise-count", first.id()) * 3);
        for (int i = 0; i < noise; i++) {
            String tag =
                    NOISE[(int) (SourceData.unit("lastfm-noise-" + i, first.id()) * NOISE.length)];
            tags.putIfAbsent(tag, 1 + (int) (SourceData.unit("lastfm-noise-n" + i, tag) * 8));
        }
        String mbid =
                SourceData.unit("lastfm-mbid", first.id()) < 1 / 3.0
                        ? ""
                        : SourceData.artistMbid(first.id());
        return new LastFmArtist(
                first.name(), mbid, List.copyOf(members), List.copyOf(tracks), tags);
    }

    /** The tags that are genres, in order (the artist's catalogue genres, spaced). */
    List<String> genreTags() {
        List<String> genres = new ArrayList<>();
        for (CatalogArtist member : members) {
            member.genres().stream()
                    .map(SourceData::spaced)
                    .filter(g -> !genres.contains(g))
                    .forEach(genres::add);
        }
        return genres;
    }

    String url() {
        return "https://www.last.fm/music/" + encode(name);
    }

    static String trackMbid(CatalogTrack track) {
        return SourceData.unit("lastfm-track-mbid", track.id()) < 1 / 3.0
                ? ""
                : SourceData.recordingMbid(track.id());
    }

    String trackUrl(CatalogTrack track) {
        return url() + "/_/" + encode(track.name());
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
