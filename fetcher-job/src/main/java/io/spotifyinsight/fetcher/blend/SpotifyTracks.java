package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.persistence.recommendation.AlbumInfo;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import io.spotifyinsight.sources.SourceArtist;
import io.spotifyinsight.sources.SourceTrack;
import io.spotifyinsight.spotify.model.Track;
import java.util.Optional;

/** Tracks from Spotify and from the sources as the persistence layer stores them. */
public final class SpotifyTracks {
    private SpotifyTracks() {}

    /** A Spotify track; empty when it lacks what a stored track needs (an album id). */
    public static Optional<TrackInfo> of(Track track) {
        var album = track.album();
        if (album.id() == null) {
            return Optional.empty();
        }
        return Optional.of(
                new TrackInfo(
                        track.id(),
                        track.name(),
                        track.durationMs(),
                        track.explicit(),
                        new AlbumInfo(
                                album.id(), album.name(), album.releaseDate(), album.imageUrl()),
                        track.artists().stream()
                                .filter(a -> a.id() != null)
                                .map(a -> new ArtistInfo(a.id(), a.name()))
                                .toList()));
    }

    /**
     * A track a source names by Spotify id: without album and explicit flag (the source has
     * neither), and only the artists it names by Spotify id. Empty when it names none.
     */
    public static Optional<TrackInfo> of(SourceTrack track) {
        var artists =
                track.artists().stream()
                        .filter(a -> a.spotifyId() != null)
                        .map(SpotifyTracks::artist)
                        .toList();
        if (track.spotifyId() == null || artists.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new TrackInfo(
                        track.spotifyId(),
                        track.title(),
                        Math.max(0, track.durationMs()),
                        null,
                        null,
                        artists));
    }

    private static ArtistInfo artist(SourceArtist a) {
        return new ArtistInfo(a.spotifyId(), a.name());
    }
}
