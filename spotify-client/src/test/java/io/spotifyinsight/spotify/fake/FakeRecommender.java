package io.spotifyinsight.spotify.fake;

import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogArtist;
import io.spotifyinsight.spotify.fake.FakeCatalog.CatalogTrack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Deterministic recommendations: a pool of tracks related to the seeds (the seed artists' tracks,
 * tracks of artists sharing their genres, tracks of artists in the seed genres), without the seed
 * tracks, filtered by market, ordered by a hash of seeds and track id. Same seeds, same answer.
 */
final class FakeRecommender {

    record Result(List<CatalogTrack> tracks, int poolSize) {}

    private FakeRecommender() {}

    static Result recommend(
            FakeCatalog catalog,
            List<String> artists,
            List<String> genres,
            List<String> tracks,
            int limit,
            String market) {
        Set<CatalogTrack> pool = new LinkedHashSet<>();
        for (String artistId : artists) {
            catalog.artist(artistId).ifPresent(artist -> addRelated(catalog, artist, pool));
        }
        for (String genre : genres) {
            for (CatalogArtist artist : catalog.artistsIn(genre)) {
                pool.addAll(catalog.tracksBy(artist.id()));
            }
        }
        for (String trackId : tracks) {
            catalog.track(trackId).ifPresent(track -> addRelated(catalog, track.artist(), pool));
        }
        int poolSize = pool.size();
        String seedKey =
                String.join(",", artists)
                        + "|"
                        + String.join(",", genres)
                        + "|"
                        + String.join(",", tracks);
        List<CatalogTrack> chosen = new ArrayList<>(pool);
        chosen.removeIf(
                t -> tracks.contains(t.id()) || (market != null && !t.markets().contains(market)));
        chosen.sort(
                Comparator.comparingInt((CatalogTrack t) -> (seedKey + t.id()).hashCode())
                        .thenComparing(CatalogTrack::id));
        return new Result(List.copyOf(chosen.subList(0, Math.min(limit, chosen.size()))), poolSize);
    }

    private static void addRelated(
            FakeCatalog catalog, CatalogArtist artist, Set<CatalogTrack> pool) {
        pool.addAll(catalog.tracksBy(artist.id()));
        for (CatalogArtist other : catalog.artistsIn(artist.genres().get(0))) {
            pool.addAll(catalog.tracksBy(other.id()));
        }
    }
}
