package io.spotifyinsight.persistence.knowledge;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the engine learnt about a seed artist: its name, its genres (best first, at most {@value
 * #MAX_GENRES}) and the source they came from ({@code spotify}, {@code lastfm}, {@code
 * musicbrainz}; null when none knew any: a miss, kept so it is not asked again every night), its
 * MusicBrainz id when known, and when that was learnt.
 */
public record ArtistKnowledge(
        String artistId,
        String name,
        List<String> genres,
        String genreSource,
        String musicBrainzId,
        OffsetDateTime learntAt) {
    public static final int MAX_GENRES = 10;
    private static final int MAX_GENRE_LENGTH = 100;

    public ArtistKnowledge {
        Objects.requireNonNull(artistId, "artistId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(learntAt, "learntAt");
        List<String> kept = new ArrayList<>();
        for (String genre : Objects.requireNonNull(genres, "genres")) {
            String g = genre == null ? "" : genre.strip();
            if (!g.isEmpty()
                    && g.length() <= MAX_GENRE_LENGTH
                    && !kept.contains(g)
                    && kept.size() < MAX_GENRES) {
                kept.add(g);
            }
        }
        genres = List.copyOf(kept);
        if (genres.isEmpty() != (genreSource == null)) {
            throw new IllegalArgumentException(
                    "genres and their source go together (artist " + artistId + ")");
        }
    }
}
