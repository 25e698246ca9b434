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
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Row3;
import org.jooq.RowN;
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

    private static final List<Column<ArtistInfo, ?>> ARTIST_COLUMNS =
            List.of(Column.of(ARTIST.ID, ArtistInfo::id), Column.of(ARTIST.NAME, ArtistInfo::name));

    private static final List<Column<AlbumInfo, ?>> ALBUM_COLUMNS =
            List.of(
                    Column.of(ALBUM.ID, AlbumInfo::id),
                    Column.of(ALBUM.NAME, AlbumInfo::name),
                    Column.of(ALBUM.RELEASE_DATE, AlbumInfo::releaseDate),
                    Column.of(ALBUM.IMAGE_URL, AlbumInfo::imageUrl));

    /** What a source does not know (album, explicit: null) never erases what Spotify told us. */
    private static final List<Column<TrackInfo, ?>> TRACK_COLUMNS =
            List.of(
                    Column.of(TRACK.ID, TrackInfo::id),
                    Column.of(TRACK.NAME, TrackInfo::name),
                    Column.keptWhenUnknown(
                            TRACK.ALBUM_ID, t -> t.album() == null ? null : t.album().id()),
                    Column.of(TRACK.DURATION_MS, TrackInfo::durationMs),
                    Column.keptWhenUnknown(TRACK.EXPLICIT, TrackInfo::explicit));

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
        upsert(db, ARTIST.UPDATED_AT, artists.values(), ARTIST_COLUMNS, queries);
        upsert(db, ALBUM.UPDATED_AT, albums.values(), ALBUM_COLUMNS, queries);
        upsert(db, TRACK.UPDATED_AT, byId.values(), TRACK_COLUMNS, queries);
        trackArtists(db, byId.values(), queries);
        return queries;
    }

    /**
     * A column of a catalogue table and what an item puts there; {@code keptWhenUnknown}: an item
     * without a value (null) leaves the stored one as it is.
     */
    private record Column<I, T>(
            TableField<?, T> field, Function<I, T> value, boolean keptWhenUnknown) {
        static <I, T> Column<I, T> of(TableField<?, T> field, Function<I, T> value) {
            return new Column<>(field, value, false);
        }

        static <I, T> Column<I, T> keptWhenUnknown(TableField<?, T> field, Function<I, T> value) {
            return new Column<>(field, value, true);
        }

        Field<T> bound(I item) {
            return val(value.apply(item), field);
        }

        /** This column's value in the {@code VALUES} table {@code v}, as an update gives it. */
        Change<T> change(Table<?> v) {
            Field<T> given = v.field(field.getName(), field.getType());
            return new Change<>(field, keptWhenUnknown ? DSL.coalesce(given, field) : given);
        }
    }

    /**
     * Inserts the {@code items} that are new and updates those whose data changed: one row each,
     * its {@code columns} (the id first) filled from the item.
     */
    private static <I, R extends Record> void upsert(
            DSLContext db,
            TableField<R, OffsetDateTime> updatedAt,
            Collection<I> items,
            List<Column<I, ?>> columns,
            List<Query> queries) {
        if (items.isEmpty()) {
            return;
        }
        Table<R> table = updatedAt.getTable();
        List<Field<?>> fields = columns.stream().<Field<?>>map(Column::field).toList();
        List<RowN> rows =
                items.stream()
                        .map(item -> row(columns.stream().map(c -> c.bound(item)).toList()))
                        .toList();
        queries.add(db.insertInto(table, fields).valuesOfRows(rows).onConflictDoNothing());
        Table<?> v =
                DSL.values(rows.toArray(RowN[]::new))
                        .as("v", fields.stream().map(Field::getName).toArray(String[]::new));
        queries.add(
                updateChanged(
                        db,
                        updatedAt,
                        v,
                        columns.get(0).change(v),
                        columns.stream().skip(1).<Change<?>>map(c -> c.change(v)).toList()));
    }

    /** A column and the value an update gives it. */
    private record Change<T>(Field<T> column, Field<T> value) {
        Condition same() {
            return column.eq(value);
        }

        Condition differs() {
            return column.isDistinctFrom(value);
        }
    }

    /**
     * {@code UPDATE ... FROM v}: the rows of {@code updatedAt}'s table whose id is in {@code v} and
     * where any of the {@code changes} would change a value get them, and a new {@code updatedAt};
     * the others stay as they are, unlocked.
     */
    private static <R extends Record> Query updateChanged(
            DSLContext db,
            TableField<R, OffsetDateTime> updatedAt,
            Table<?> v,
            Change<?> id,
            List<Change<?>> changes) {
        Map<Field<?>, Field<?>> values = new LinkedHashMap<>();
        changes.forEach(c -> values.put(c.column(), c.value()));
        values.put(updatedAt, DSL.currentOffsetDateTime());
        return db.update(updatedAt.getTable())
                .set(values)
                .from(v)
                .where(id.same())
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
