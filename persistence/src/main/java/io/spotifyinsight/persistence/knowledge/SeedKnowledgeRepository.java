package io.spotifyinsight.persistence.knowledge;

import static io.spotifyinsight.persistence.jooq.Tables.SEED_ARTIST;
import static io.spotifyinsight.persistence.jooq.Tables.SEED_ARTIST_GENRE;
import static io.spotifyinsight.persistence.jooq.Tables.SEED_TRACK;
import static io.spotifyinsight.persistence.jooq.Tables.SEED_TRACK_ARTIST;

import io.spotifyinsight.persistence.Transactions;
import io.spotifyinsight.persistence.jooq.tables.records.SeedArtistGenreRecord;
import io.spotifyinsight.persistence.jooq.tables.records.SeedArtistRecord;
import io.spotifyinsight.persistence.jooq.tables.records.SeedTrackArtistRecord;
import io.spotifyinsight.persistence.jooq.tables.records.SeedTrackRecord;
import io.spotifyinsight.persistence.recommendation.ArtistInfo;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;

/**
 * What the engine learnt about seed artists and seed tracks, so that an alias's seeds cost no
 * lookups on the nights after the first. Entries older than the caller's cut-off are treated as
 * absent; a save replaces an entry whole, in one transaction.
 *
 * <p>Both kinds are stored alike: one row per entry (with its {@code learnt_at}) and its list (an
 * artist's genres, a track's artists) as rows keyed by the entry's id and a position.
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
                listsOf(
                        SEED_ARTIST_GENRE.ARTIST_ID,
                        SEED_ARTIST_GENRE.POSITION,
                        ids,
                        SeedArtistGenreRecord::getGenre);
        return learntSince(
                SEED_ARTIST.ARTIST_ID,
                SEED_ARTIST.LEARNT_AT,
                ids,
                notBefore,
                r ->
                        new ArtistKnowledge(
                                r.getArtistId(),
                                r.getName(),
                                genres.getOrDefault(r.getArtistId(), List.of()),
                                r.getGenreSource(),
                                r.getMusicbrainzId(),
                                r.getLearntAt()));
    }

    public void saveArtist(ArtistKnowledge artist) {
        List<SeedArtistGenreRecord> genres = new ArrayList<>();
        for (String genre : artist.genres()) {
            genres.add(new SeedArtistGenreRecord(artist.artistId(), (short) genres.size(), genre));
        }
        replace(
                SEED_ARTIST.ARTIST_ID,
                new SeedArtistRecord(
                        artist.artistId(),
                        artist.name(),
                        artist.genreSource(),
                        artist.musicBrainzId(),
                        artist.learntAt()),
                genres);
    }

    /** The known tracks among {@code ids} learnt at or after {@code notBefore}, by id. */
    public Map<String, TrackKnowledge> tracks(Collection<String> ids, OffsetDateTime notBefore) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, List<ArtistInfo>> artists =
                listsOf(
                        SEED_TRACK_ARTIST.TRACK_ID,
                        SEED_TRACK_ARTIST.POSITION,
                        ids,
                        a -> new ArtistInfo(a.getArtistId(), a.getName()));
        return learntSince(
                SEED_TRACK.TRACK_ID,
                SEED_TRACK.LEARNT_AT,
                ids,
                notBefore,
                r ->
                        new TrackKnowledge(
                                r.getTrackId(),
                                r.getName(),
                                artists.getOrDefault(r.getTrackId(), List.of()),
                                r.getReleaseDate(),
                                r.getIsrc(),
                                r.getLearntAt()));
    }

    public void saveTrack(TrackKnowledge track) {
        List<SeedTrackArtistRecord> artists = new ArrayList<>();
        for (ArtistInfo artist : track.artists()) {
            artists.add(
                    new SeedTrackArtistRecord(
                            track.trackId(), (short) artists.size(), artist.id(), artist.name()));
        }
        replace(
                SEED_TRACK.TRACK_ID,
                new SeedTrackRecord(
                        track.trackId(),
                        track.name(),
                        track.releaseDate(),
                        track.isrc(),
                        track.learntAt()),
                artists);
    }

    /** The entries among {@code ids} learnt at or after {@code notBefore}, by id. */
    private <R extends TableRecord<R>, K> Map<String, K> learntSince(
            TableField<R, String> id,
            TableField<R, OffsetDateTime> learntAt,
            Collection<String> ids,
            OffsetDateTime notBefore,
            Function<R, K> knowledge) {
        Map<String, K> known = new LinkedHashMap<>();
        dsl.selectFrom(id.getTable())
                .where(id.in(ids), learntAt.ge(notBefore))
                .forEach(r -> known.put(r.get(id), knowledge.apply(r)));
        return known;
    }

    /** The lists of the entries among {@code ids}, each in position order, by entry id. */
    private <R extends TableRecord<R>, T> Map<String, List<T>> listsOf(
            TableField<R, String> entryId,
            TableField<R, Short> position,
            Collection<String> ids,
            Function<R, T> item) {
        return dsl
                .selectFrom(entryId.getTable())
                .where(entryId.in(ids))
                .orderBy(entryId, position)
                .fetch()
                .stream()
                .collect(
                        Collectors.groupingBy(
                                r -> r.get(entryId),
                                Collectors.mapping(item, Collectors.toList())));
    }

    /**
     * Replaces the entry whose {@code id} {@code entry} has, with its list {@code items}: the old
     * entry's row goes, and its list with it (the list's foreign key cascades).
     */
    private <R extends TableRecord<R>, I extends TableRecord<I>> void replace(
            TableField<R, String> id, R entry, List<I> items) {
        Transactions.run(
                dsl,
                db -> {
                    db.deleteFrom(id.getTable()).where(id.eq(entry.get(id))).execute();
                    db.insertInto(id.getTable()).set(entry).execute();
                    if (!items.isEmpty()) {
                        Table<I> table = items.get(0).getTable();
                        db.insertInto(table, table.fields()).valuesOfRecords(items).execute();
                    }
                });
    }
}
