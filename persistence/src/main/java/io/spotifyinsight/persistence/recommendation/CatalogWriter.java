package io.spotifyinsight.persistence.recommendation;

import static io.spotifyinsight.persistence.jooq.Tables.ALBUM;
import static io.spotifyinsight.persistence.jooq.Tables.ARTIST;
import static io.spotifyinsight.persistence.jooq.Tables.TRACK;
import static io.spotifyinsight.persistence.jooq.Tables.TRACK_ARTIST;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Row2;
import org.jooq.Row3;
import org.jooq.Row4;
import org.jooq.Row5;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * The statements that bring the artists, albums and tracks of a list up to date.
 *
 * <p>Catalogue rows are shared by many users' lists, and nightly runs store many lists at once. So
 * a row is never locked unless it really changes: new rows come in with {@code ON CONFLICT DO
 * NOTHING} (which does not lock the existing row, unlike {@code DO UPDATE}), and an {@code UPDATE
 * ... FROM (VALUES ...)} rewrites only the rows whose data Spotify changed, which also keeps {@code
 * updated_at} meaningful. Rows go in id order, a fixed lock order between writers.
 */
final class CatalogWriter {
    private CatalogWriter() {}

    /** The statements for these tracks, in dependency order (artists and albums before tracks). */
    static List<Query> upserts(DSLContext db, List<TrackInfo> tracks) {
        if (tracks.isEmpty()) {
            return List.of();
        }
        Map<String, ArtistInfo> artists = new TreeMap<>();
        Map<String, AlbumInfo> albums = new TreeMap<>();
        Map<String, TrackInfo> byId = new TreeMap<>();
        for (TrackInfo track : tracks) {
            track.artists().forEach(a -> artists.put(a.id(), a));
            if (track.album() != null) {
                albums.put(track.album().id(), track.album());
            }
            byId.put(track.id(), track);
        }
        List<Query> queries = new ArrayList<>();
        artists(db, artists.values(), queries);
        if (!albums.isEmpty()) {
            albums(db, albums.values(), queries);
        }
        tracks(db, byId.values(), queries);
        trackArtists(db, byId.values(), queries);
        return queries;
    }

    private static void artists(
            DSLContext db, Collection<ArtistInfo> artists, List<Query> queries) {
        List<Row2<String, String>> rows =
                artists.stream()
                        .map(a -> row(val(a.id(), ARTIST.ID), val(a.name(), ARTIST.NAME)))
                        .toList();
        queries.add(
                db.insertInto(ARTIST, ARTIST.ID, ARTIST.NAME)
                        .valuesOfRows(rows)
                        .onConflictDoNothing());
        Table<?> v = DSL.values(rows.toArray(Row2[]::new)).as("v", "id", "name");
        Field<String> name = v.field("name", String.class);
        queries.add(
                updateChanged(
                        db, ARTIST.ID, ARTIST.UPDATED_AT, v, List.of(change(ARTIST.NAME, name))));
    }

    private static void albums(DSLContext db, Collection<AlbumInfo> albums, List<Query> queries) {
        List<Row4<String, String, String, String>> rows =
                albums.stream()
                        .map(
                                a ->
                                        row(
                                                val(a.id(), ALBUM.ID),
                                                val(a.name(), ALBUM.NAME),
                                                val(a.releaseDate(), ALBUM.RELEASE_DATE),
                                                val(a.imageUrl(), ALBUM.IMAGE_URL)))
                        .toList();
        queries.add(
                db.insertInto(ALBUM, ALBUM.ID, ALBUM.NAME, ALBUM.RELEASE_DATE, ALBUM.IMAGE_URL)
                        .valuesOfRows(rows)
                        .onConflictDoNothing());
        Table<?> v =
                DSL.values(rows.toArray(Row4[]::new))
                        .as("v", "id", "name", "release_date", "image_url");
        Field<String> name = v.field("name", String.class);
        Field<String> releaseDate = v.field("release_date", String.class);
        Field<String> imageUrl = v.field("image_url", String.class);
        queries.add(
                updateChanged(
                        db,
                        ALBUM.ID,
                        ALBUM.UPDATED_AT,
                        v,
                        List.of(
                                change(ALBUM.NAME, name),
                                change(ALBUM.RELEASE_DATE, releaseDate),
                                change(ALBUM.IMAGE_URL, imageUrl))));
    }

    private static void tracks(DSLContext db, Collection<TrackInfo> tracks, List<Query> queries) {
        List<Row5<String, String, String, Integer, Boolean>> rows =
                tracks.stream()
                        .map(
                                t ->
                                        row(
                                                val(t.id(), TRACK.ID),
                                                val(t.name(), TRACK.NAME),
                                                val(
                                                        t.album() == null ? null : t.album().id(),
                                                        TRACK.ALBUM_ID),
                                                val(t.durationMs(), TRACK.DURATION_MS),
                                                val(t.explicit(), TRACK.EXPLICIT)))
                        .toList();
        queries.add(
                db.insertInto(
                                TRACK,
                                TRACK.ID,
                                TRACK.NAME,
                                TRACK.ALBUM_ID,
                                TRACK.DURATION_MS,
                                TRACK.EXPLICIT)
                        .valuesOfRows(rows)
                        .onConflictDoNothing());
        Table<?> v =
                DSL.values(rows.toArray(Row5[]::new))
                        .as("v", "id", "name", "album_id", "duration_ms", "explicit");
        Field<String> name = v.field("name", String.class);
        // What a source does not know (album, explicit: null) never erases what Spotify told us.
        Field<String> albumId = DSL.coalesce(v.field("album_id", String.class), TRACK.ALBUM_ID);
        Field<Integer> duration = v.field("duration_ms", Integer.class);
        Field<Boolean> explicit = DSL.coalesce(v.field("explicit", Boolean.class), TRACK.EXPLICIT);
        queries.add(
                updateChanged(
                        db,
                        TRACK.ID,
                        TRACK.UPDATED_AT,
                        v,
                        List.of(
                                change(TRACK.NAME, name),
                                change(TRACK.ALBUM_ID, albumId),
                                change(TRACK.DURATION_MS, duration),
                                change(TRACK.EXPLICIT, explicit))));
    }

    /** A column and the value an update gives it. */
    private record Change<T>(Field<T> column, Field<T> value) {
        Condition differs() {
            return column.isDistinctFrom(value);
        }
    }

    private static <T> Change<T> change(Field<T> column, Field<T> value) {
        return new Change<>(column, value);
    }

    /**
     * {@code UPDATE ... FROM v}: the rows of {@code id}'s table whose id is in {@code v} and where
     * any of the {@code changes} would change a value get them, and a new {@code updatedAt}; the
     * others stay as they are, unlocked.
     */
    private static <R extends Record> Query updateChanged(
            DSLContext db,
            TableField<R, String> id,
            TableField<R, OffsetDateTime> updatedAt,
            Table<?> v,
            List<Change<?>> changes) {
        Map<Field<?>, Field<?>> values = new LinkedHashMap<>();
        changes.forEach(c -> values.put(c.column(), c.value()));
        values.put(updatedAt, DSL.currentOffsetDateTime());
        return db.update(id.getTable())
                .set(values)
                .from(v)
                .where(id.eq(v.field("id", String.class)))
                .and(DSL.or(changes.stream().map(Change::differs).toList()));
    }

    /**
     * Artist credits by position: add new ones, rewrite changed ones, drop positions a track no
     * longer has.
     */
    private static void trackArtists(
            DSLContext db, Collection<TrackInfo> tracks, List<Query> queries) {
        List<Row3<String, Short, String>> rows = new ArrayList<>();
        List<Condition> surplus = new ArrayList<>();
        for (TrackInfo track : tracks) {
            short position = 0;
            for (ArtistInfo artist : track.artists()) {
                rows.add(
                        row(
                                val(track.id(), TRACK_ARTIST.TRACK_ID),
                                val(position++, TRACK_ARTIST.POSITION),
                                val(artist.id(), TRACK_ARTIST.ARTIST_ID)));
            }
            surplus.add(
                    TRACK_ARTIST.TRACK_ID.eq(track.id()).and(TRACK_ARTIST.POSITION.ge(position)));
        }
        if (!rows.isEmpty()) {
            queries.add(
                    db.insertInto(
                                    TRACK_ARTIST,
                                    TRACK_ARTIST.TRACK_ID,
                                    TRACK_ARTIST.POSITION,
                                    TRACK_ARTIST.ARTIST_ID)
                            .valuesOfRows(rows)
                            .onConflictDoNothing());
            Table<?> v =
                    DSL.values(rows.toArray(Row3[]::new))
                            .as("v", "track_id", "position", "artist_id");
            Field<String> artistId = v.field("artist_id", String.class);
            queries.add(
                    db.update(TRACK_ARTIST)
                            .set(TRACK_ARTIST.ARTIST_ID, artistId)
                            .from(v)
                            .where(
                                    TRACK_ARTIST.TRACK_ID.eq(v.field("track_id", String.class)),
                                    TRACK_ARTIST.POSITION.eq(v.field("position", Short.class)),
                                    TRACK_ARTIST.ARTIST_ID.ne(artistId)));
        }
        queries.add(db.deleteFrom(TRACK_ARTIST).where(DSL.or(surplus)));
    }
}
