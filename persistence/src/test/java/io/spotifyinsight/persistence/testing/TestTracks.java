package io.spotifyinsight.persistence.testing;

import io.spotifyinsight.persistence.recommendation.AlbumInfo;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.persistence.user.Seeds;
import io.spotifyinsight.persistence.user.UserSettings;
import java.util.List;
import java.util.stream.IntStream;

/** Test fixtures with "any" values, so that a test states only what it is about. */
public final class TestTracks {
    private static final String BASE62 =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private TestTracks() {}

    /** A deterministic, well-formed 22-character Spotify id for (kind, n). */
    public static String id(char kind, int n) {
        StringBuilder id = new StringBuilder().append((char) ('0' + (kind % 8)));
        long value = (long) n * 2654435761L + kind;
        while (id.length() < 22) {
            id.append(BASE62.charAt((int) Math.floorMod(value, 62L)));
            value = value / 62 + 7919L * id.length();
        }
        return id.toString();
    }

    public static TrackInfo track(int n) {
        return new TrackInfo(
                id('t', n),
                "Track " + n,
                180_000 + n,
                n % 3 == 0,
                album(n / 2),
                List.of(
                        new ArtistInfo(id('r', n % 7), "Artist " + (n % 7)),
                        new ArtistInfo(id('r', 100 + n % 5), "Featured " + (n % 5))));
    }

    /** Album n; two consecutive tracks share one. */
    public static AlbumInfo album(int n) {
        return new AlbumInfo(
                id('a', n),
                "Album " + n,
                "2019-05-" + String.format("%02d", 1 + n % 28),
                "https://i.scdn.co/image/ab67616d0000b273" + String.format("%024d", n));
    }

    /** Tracks {@code from} .. {@code from + count - 1}. */
    public static List<TrackInfo> tracks(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(TestTracks::track).toList();
    }

    /** The track as found by search, with a reason naming it. */
    public static RecommendedTrack recommended(TrackInfo track) {
        return new RecommendedTrack(
                track, TrackSource.SEARCH, "test reason for '" + track.name() + "'");
    }

    public static List<RecommendedTrack> recommended(List<TrackInfo> tracks) {
        return tracks.stream().map(TestTracks::recommended).toList();
    }

    public static UserSettings user(String username) {
        return new UserSettings(
                username,
                true,
                "US",
                20,
                new Seeds(List.of(id('r', 1)), List.of("hip-hop"), List.of(id('t', 1))));
    }
}
