package io.spotifyinsight.persistence.knowledge;

import static io.spotifyinsight.persistence.jooq.Tables.SEED_ARTIST;
import static io.spotifyinsight.persistence.jooq.Tables.SEED_ARTIST_GENRE;
import static io.spotifyinsight.persistence.jooq.Tables.SEED_TRACK;
import static io.spotifyinsight.persistence.jooq.Tables.SEED_TRACK_ARTIST;

import io.spotifyinsight.persistence.Transactions;
import io.spotifyinsight.persistence.jooq.tables.records.SeedArtistGenreRecord;
import io.spotifyinsight.persistence.jooq.tables.records.SeedTrackArtistRecord;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * What the engine learnt about seed artists and seed tracks, so that an alias's seeds cost no
 * lookups on the nights after the first. Entries older than the caller's cut-off are treated as
 * absent; a save replaces an entry whole, in one transaction.
 */
public final class SeedKnowledgeRepository {
    private final DSLContext dsl;

    public SeedKnowledgeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The known artists among {@code ids} learnt at or after {@code notBefore}, by id. */
    public Map<String, ArtistKnowledge> artists(Collection<String> ids, OffsetDateTime notBefore) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> genres =
                dsl
                        .selectFrom(SEED_ARTIST_GENRE)
                        .where(SEED_ARTIST_GENRE.ARTIST_ID.in(ids))
                        .orderBy(SEED_ARTIST_GENRE.ARTIST_ID, SEED_ARTIST_GENRE.POSITION)
                        .fetch()
                        .stream()
                        .collect(
                                Collectors.groupingBy(
                                        SeedArtistGenreRecord::getArtistId,
                                        Collectors.mapping(
                                                SeedArtistGenreRecord::getGenre,
                                                Collectors.toList())));
        Map<String, ArtistKnowledge> known = new LinkedHashMap<>();
        dsl.selectFrom(SEED_ARTIST)
                .where(SEED_ARTIST.ARTIST_ID.in(ids), SEED_ARTIST.LEARNT_AT.ge(notBefore))
                .forEach(
                        r ->
                                known.put(
                                        r.getArtistId(),
                                        new ArtistKnowledge(
                                                r.getArtistId(),
                                                r.getName(),
                                                genres.getOrDefault(r.getArtistId(), List.of()),
                                                r.getGenreSource(),
                                                r.getMusicbrainzId(),
                                                r.getLearntAt())));
        return known;
    }

    public void saveArtist(ArtistKnowledge artist) {
        Transactions.run(
                dsl,
                tx -> {
                    DSLContext db = tx.dsl();
                    db.deleteFrom(SEED_ARTIST)
                            .where(SEED_ARTIST.ARTIST_ID.eq(artist.artistId()))
                            .execute();
                    db.insertInto(SEED_ARTIST)
                            .set(SEED_ARTIST.ARTIST_ID, artist.artistId())
                            .set(SEED_ARTIST.NAME, artist.name())
                            .set(SEED_ARTIST.GENRE_SOURCE, artist.genreSource())
                            .set(SEED_ARTIST.MUSICBRAINZ_ID, artist.musicBrainzId())
                            .set(SEED_ARTIST.LEARNT_AT, artist.learntAt())
                            .execute();
                    if (!artist.genres().isEmpty()) {
                        var insert =
                                db.insertInto(
                                        SEED_ARTIST_GENRE,
                                        SEED_ARTIST_GENRE.ARTIST_ID,
                                        SEED_ARTIST_GENRE.POSITION,
                                        SEED_ARTIST_GENRE.GENRE);
                        short position = 0;
                        for (String genre : artist.genres()) {
                            insert = insert.values(artist.artistId(), position++, genre);
                        }
                        insert.execute();
                    }
                });
    }

    /** The known tracks among {@code ids} learnt at or after {@code notBefore}, by id. */
    public Map<String, TrackKnowledge> tracks(Collection<String> ids, OffsetDateTime notBefore) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, List<ArtistInfo>> artists =
                dsl
                        .selectFrom(SEED_TRACK_ARTIST)
                        .where(SEED_TRACK_ARTIST.TRACK_ID.in(ids))
                        .orderBy(SEED_TRACK_ARTIST.TRACK_ID, SEED_TRACK_ARTIST.POSITION)
                        .fetch()
                        .stream()
                        .collect(
                                Collectors.groupingBy(
                                        SeedTrackArtistRecord::getTrackId,
                                        Collectors.mapping(
                                                a -> new ArtistInfo(a.getArtistId(), a.getName()),
                                                Collectors.toList())));
        Map<String, TrackKnowledge> known = new LinkedHashMap<>();
        dsl.selectFrom(SEED_TRACK)
                .where(SEED_TRACK.TRACK_ID.in(ids), SEED_TRACK.LEARNT_AT.ge(notBefore))
                .forEach(
                        r ->
                                known.put(
                                        r.getTrackId(),
                                        new TrackKnowledge(
                                                r.getTrackId(),
                                                r.getName(),
                                                artists.getOrDefault(r.getTrackId(), List.of()),
                                                r.getReleaseDate(),
                                                r.getIsrc(),
                                                r.getLearntAt())));
        return known;
    }

    public void saveTrack(TrackKnowledge track) {
        Transactions.run(
                dsl,
                tx -> {
                    DSLContext db = tx.dsl();
                    db.deleteFrom(SEED_TRACK)
                            .where(SEED_TRACK.TRACK_ID.eq(track.trackId()))
                            .execute();
                    db.insertInto(SEED_TRACK)
                            .set(SEED_TRACK.TRACK_ID, track.trackId())
                            .set(SEED_TRACK.NAME, track.name())
                            .set(SEED_TRACK.RELEASE_DATE, track.releaseDate())
                            .set(SEED_TRACK.ISRC, track.isrc())
                            .set(SEED_TRACK.LEARNT_AT, track.learntAt())
                            .execute();
                    if (!track.artists().isEmpty()) {
                        var insert =
                                db.insertInto(
                                        SEED_TRACK_ARTIST,
                                        SEED_TRACK_ARTIST.TRACK_ID,
                                        SEED_TRACK_ARTIST.POSITION,
                                        SEED_TRACK_ARTIST.ARTIST_ID,
                                        SEED_TRACK_ARTIST.NAME);
                        short position = 0;
                        for (ArtistInfo artist : track.artists()) {
                            insert =
                                    insert.values(
                                            track.trackId(),
                                            position++,
                                            artist.id(),
                                            artist.name());
                        }
                        insert.execute();
                    }
                });
    }
}
