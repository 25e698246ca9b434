package io.spotifyinsight.fetcher.blend;

import io.spotifyinsight.persistence.knowledge.ArtistKnowledge;
import io.spotifyinsight.persistence.knowledge.TrackKnowledge;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An alias's seeds as the engine understands them: seed artists with their genres, seed genres,
 * seed tracks with their artists (whose genres are known too), and the genres that the list should
 * share, each with the phrase that explains where it came from. Seeds that did not resolve are left
 * out.
 */
public record SeedProfile(
        List<ArtistKnowledge> artists,
        List<String> genres,
        List<TrackKnowledge> tracks,
        Map<String, ArtistKnowledge> trackArtists) {
    /** How many genres of one seed artist count towards the list's genres. */
    static final int GENRES_PER_ARTIST = 3;

    /**
     * How many credited artists of a seed track are looked up (a featured artist often names the
     * scene).
     */
    static final int ARTISTS_PER_TRACK = 3;

    public SeedProfile {
        artists = List.copyOf(artists);
        genres = Genres.normaliseAll(genres);
        tracks = List.copyOf(tracks);
        // in the order the resolver found them: the sources walk them, and a list must not depend
        // on hash order
        trackArtists = Collections.unmodifiableMap(new LinkedHashMap<>(trackArtists));
    }

    public boolean isEmpty() {
        return artists.isEmpty() && genres.isEmpty() && tracks.isEmpty();
    }

    /**
     * The genres the list should share, normalised, best first, each with why: the seed genres,
     * then the top genres of each seed artist and of each seed track's artists.
     */
    public Map<String, String> affinityGenres() {
        Map<String, String> why = new LinkedHashMap<>();
        for (String genre : genres) {
            why.putIfAbsent(genre, "your seed genre '" + genre + "'");
        }
        for (ArtistKnowledge artist : artists) {
            for (String g : artistGenres(artist)) {
                why.putIfAbsent(g, "genre '%s' of your seed artist %s".formatted(g, artist.name()));
            }
        }
        for (TrackKnowledge track : tracks) {
            for (ArtistInfo credited : creditedArtists(track)) {
                ArtistKnowledge artist = trackArtists.get(credited.id());
                if (artist == null) {
                    continue;
                }
                String of = "' of %s, artist of your seed track '%s'";
                for (String g : artistGenres(artist)) {
                    why.putIfAbsent(g, "genre '" + g + of.formatted(artist.name(), track.name()));
                }
            }
        }
        return why;
    }

    /**
     * Artists whose own tracks should stay a minority of the list: seed artists and seed tracks'
     * artists.
     */
    public Set<String> seedArtistIds() {
        List<String> ids = new ArrayList<>();
        artists.forEach(a -> ids.add(a.artistId()));
        tracks.forEach(t -> t.artists().forEach(a -> ids.add(a.id())));
        return Set.copyOf(ids);
    }

    /**
     * The artists of a seed track whose genres count: the first {@value #ARTISTS_PER_TRACK}
     * credited.
     */
    static List<ArtistInfo> creditedArtists(TrackKnowledge track) {
        return track.artists().stream().limit(ARTISTS_PER_TRACK).toList();
    }

    public Set<String> seedTrackIds() {
        return Set.copyOf(tracks.stream().map(TrackKnowledge::trackId).toList());
    }

    private static List<String> artistGenres(ArtistKnowledge artist) {
        return Genres.normaliseAll(artist.genres()).stream()
                .filter(Genres::isGenreTag)
                .limit(GENRES_PER_ARTIST)
                .toList();
    }
}
