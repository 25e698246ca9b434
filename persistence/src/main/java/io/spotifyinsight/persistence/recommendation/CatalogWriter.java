package io.spotifyinsight.persistence.recommendation;

import static io.spotifyinsight.persistence.jooq.Tables.ALBUM;
import static io.spotifyinsight.persistence.jooq.Tables.ARTIST;
import static io.spotifyinsight.persistence.jooq.Tables.TRACK;
import static io.spotifyinsight.persistence.jooq.Tables.TRACK_ARTIST;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Upserts the artists, albums and tracks of a list: one multi-row statement per table, rows in id order
 * (a fixed lock order, so concurrent writers cannot deadlock). A row is rewritten only when Spotify's
 * data for it changed, which keeps {@code updated_at} meaningful.
 */
final class CatalogWriter {
    private CatalogWriter() {
    }

    static void upsert(DSLContext db, List<TrackInfo> tracks) {
        if (tracks.isEmpty()) {
            return;
        }
        Map<String, ArtistInfo> artists = new TreeMap<>();
        Map<String, AlbumInfo> albums = new TreeMap<>();
        Map<String, TrackInfo> byId = new TreeMap<>();
        for (TrackInfo track : tracks) {
            track.artists().forEach(a -> artists.put(a.id(), a));
            albums.put(track.album().id(), track.album());
            byId.put(track.id(), track);
        }
        upsertArtists(db, artists.values());
        upsertAlbums(db, albums.values());
        upsertTracks(db, byId.values());
        upsertTrackArtists(db, byId.values());
    }

    private static void upsertArtists(DSLContext db, Iterable<ArtistInfo> artists) {
        var insert = db.insertInto(ARTIST, ARTIST.ID, ARTIST.NAME);
        for (ArtistInfo artist : artists) {
            insert = insert.values(artist.id(), artist.name());
        }
        insert.onConflict(ARTIST.ID).doUpdate()
                .set(ARTIST.NAME, DSL.excluded(ARTIST.NAME))
                .set(ARTIST.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(ARTIST.NAME.isDistinctFrom(DSL.excluded(ARTIST.NAME)))
                .execute();
    }

    private static void upsertAlbums(DSLContext db, Iterable<AlbumInfo> albums) {
        var insert = db.insertInto(ALBUM, ALBUM.ID, ALBUM.NAME, ALBUM.RELEASE_DATE, ALBUM.IMAGE_URL);
        for (AlbumInfo album : albums) {
            insert = insert.values(album.id(), album.name(), album.releaseDate(), album.imageUrl());
        }
        insert.onConflict(ALBUM.ID).doUpdate()
                .set(ALBUM.NAME, DSL.excluded(ALBUM.NAME))
                .set(ALBUM.RELEASE_DATE, DSL.excluded(ALBUM.RELEASE_DATE))
                .set(ALBUM.IMAGE_URL, DSL.excluded(ALBUM.IMAGE_URL))
                .set(ALBUM.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(ALBUM.NAME.isDistinctFrom(DSL.excluded(ALBUM.NAME))
                        .or(ALBUM.RELEASE_DATE.isDistinctFrom(DSL.excluded(ALBUM.RELEASE_DATE)))
                        .or(ALBUM.IMAGE_URL.isDistinctFrom(DSL.excluded(ALBUM.IMAGE_URL))))
                .execute();
    }

    private static void upsertTracks(DSLContext db, Iterable<TrackInfo> tracks) {
        var insert = db.insertInto(TRACK, TRACK.ID, TRACK.NAME, TRACK.ALBUM_ID, TRACK.DURATION_MS, TRACK.EXPLICIT);
        for (TrackInfo track : tracks) {
            insert = insert.values(track.id(), track.name(), track.album().id(), track.durationMs(), track.explicit());
        }
        insert.onConflict(TRACK.ID).doUpdate()
                .set(TRACK.NAME, DSL.excluded(TRACK.NAME))
                .set(TRACK.ALBUM_ID, DSL.excluded(TRACK.ALBUM_ID))
                .set(TRACK.DURATION_MS, DSL.excluded(TRACK.DURATION_MS))
                .set(TRACK.EXPLICIT, DSL.excluded(TRACK.EXPLICIT))
                .set(TRACK.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(TRACK.NAME.isDistinctFrom(DSL.excluded(TRACK.NAME))
                        .or(TRACK.ALBUM_ID.isDistinctFrom(DSL.excluded(TRACK.ALBUM_ID)))
                        .or(TRACK.DURATION_MS.isDistinctFrom(DSL.excluded(TRACK.DURATION_MS)))
                        .or(TRACK.EXPLICIT.isDistinctFrom(DSL.excluded(TRACK.EXPLICIT))))
                .execute();
    }

    /** Artist credits by position: upsert the current ones, then drop positions a track no longer has. */
    private static void upsertTrackArtists(DSLContext db, Iterable<TrackInfo> tracks) {
        var insert = db.insertInto(TRACK_ARTIST, TRACK_ARTIST.TRACK_ID, TRACK_ARTIST.POSITION, TRACK_ARTIST.ARTIST_ID);
        List<Condition> surplus = new ArrayList<>();
        boolean any = false;
        for (TrackInfo track : tracks) {
            short position = 0;
            for (ArtistInfo artist : track.artists()) {
                insert = insert.values(track.id(), position++, artist.id());
                any = true;
            }
            surplus.add(TRACK_ARTIST.TRACK_ID.eq(track.id()).and(TRACK_ARTIST.POSITION.ge(position)));
        }
        if (any) {
            insert.onConflict(TRACK_ARTIST.TRACK_ID, TRACK_ARTIST.POSITION).doUpdate()
                    .set(TRACK_ARTIST.ARTIST_ID, DSL.excluded(TRACK_ARTIST.ARTIST_ID))
                    .where(TRACK_ARTIST.ARTIST_ID.ne(DSL.excluded(TRACK_ARTIST.ARTIST_ID)))
                    .execute();
        }
        db.deleteFrom(TRACK_ARTIST).where(DSL.or(surplus)).execute();
    }
}
