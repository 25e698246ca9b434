package io.spotifyinsight.fetcher;

import io.spotifyinsight.persistence.user.Seeds;
import io.spotifyinsight.persistence.user.UserSettings;
import io.spotifyinsight.spotify.fake.FakeCatalog;
import java.util.List;

/**
 * Users for runs against the fake Spotify: active, no market, seeds from the fake's catalogue. The
 * n-th user's seeds are spread over the catalogue, so that users of one test do not share them.
 */
final class TestUsers {
    private TestUsers() {}

    /** An active alias without market that wants {@code limit} tracks a day. */
    static UserSettings active(String name, int limit, Seeds seeds) {
        return new UserSettings(name, true, null, limit, seeds);
    }

    /** The n-th user's artist and that artist's first genre. */
    static Seeds artistAndGenre(FakeCatalog catalog, int n) {
        FakeCatalog.CatalogArtist artist = artist(catalog, n);
        return new Seeds(List.of(artist.id()), List.of(artist.genres().get(0)), List.of());
    }

    /** {@link #artistAndGenre} and the n-th user's track. */
    static Seeds artistGenreAndTrack(FakeCatalog catalog, int n) {
        FakeCatalog.CatalogArtist artist = artist(catalog, n);
        FakeCatalog.CatalogTrack track = catalog.tracks().get(n * 13 % catalog.tracks().size());
        return new Seeds(
                List.of(artist.id()), List.of(artist.genres().get(0)), List.of(track.id()));
    }

    /** Genres alone, such as one Spotify does not know. */
    static Seeds genres(String... genres) {
        return new Seeds(List.of(), List.of(genres), List.of());
    }

    private static FakeCatalog.CatalogArtist artist(FakeCatalog catalog, int n) {
        return catalog.artists().get(n * 7 % catalog.artists().size());
    }
}
