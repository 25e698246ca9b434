package io.spotifyinsight.fetcher.run;

import io.spotifyinsight.persistence.recommendation.AlbumInfo;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import io.spotifyinsight.spotify.model.Track;
import java.util.List;

/** Spotify's tracks as the persistence layer stores them. */
final class Tracks {
    private Tracks() {
    }

    static List<TrackInfo> toInfo(List<Track> tracks) {
        return tracks.stream().map(Tracks::toInfo).toList();
    }

    static TrackInfo toInfo(Track track) {
        var album = track.album();
        return new TrackInfo(track.id(), track.name(), track.durationMs(), track.explicit(),
                new AlbumInfo(album.id(), album.name(), album.releaseDate(), album.imageUrl()),
                track.artists().stream()
                        .filter(a -> a.id() != null)
                        .map(a -> new ArtistInfo(a.id(), a.name()))
                        .toList());
    }
}
