package io.spotifyinsight.persistence.recommendation;

import static io.spotifyinsight.persistence.jooq.Tables.ALBUM;
import static io.spotifyinsight.persistence.jooq.Tables.APP_USER;
import static io.spotifyinsight.persistence.jooq.Tables.ARTIST;
import static io.spotifyinsight.persistence.jooq.Tables.RECOMMENDATION;
import static io.spotifyinsight.persistence.jooq.Tables.TRACK;
import static io.spotifyinsight.persistence.jooq.Tables.TRACK_ARTIST;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;

import io.spotifyinsight.persistence.jooq.tables.Recommendation;
import java.time.LocalDate;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The read path's SQL, written with jOOQ's DSL over the generated tables (so the compiler checks it
 * against the schema) and rendered to text once, when the class loads: rendering it anew on every
 * request cost the web server more CPU than PostgreSQL spent running it.
 *
 * <p>One query per list or range: the user row left-joined to its recommendations (so that "unknown
 * user", no row, and "no list", one row without a position, come out of the same query), their
 * tracks and albums, and one row per artist of a track, ordered by date, position and artist
 * position. The columns are {@link #COLUMNS}; a reader finds each by the 1-based JDBC index
 * constant named after it ({@link #TRACK_NAME} and so on), taken from that list, never by a bare
 * number. Placeholders: the date condition's first, then the username.
 */
final class ListQueries {
    private static final Recommendation NEWER = RECOMMENDATION.as("newer");

    /** The select list, in order. */
    private static final List<Field<?>> COLUMNS =
            List.of(
                    RECOMMENDATION.LIST_DATE,
                    RECOMMENDATION.POSITION,
                    RECOMMENDATION.STRATEGY,
                    RECOMMENDATION.FETCHED_AT,
                    RECOMMENDATION.RUN_ID,
                    TRACK.ID,
                    TRACK.NAME,
                    TRACK.DURATION_MS,
                    TRACK.EXPLICIT,
                    ALBUM.ID,
                    ALBUM.NAME,
                    ALBUM.RELEASE_DATE,
                    ALBUM.IMAGE_URL,
                    ARTIST.ID,
                    ARTIST.NAME,
                    RECOMMENDATION.SOURCE,
                    RECOMMENDATION.REASON,
                    RECOMMENDATION.MISSING_SOURCES);

    // JDBC column indexes (1-based) of the select list
    static final int LIST_DATE = column(RECOMMENDATION.LIST_DATE);
    static final int POSITION = column(RECOMMENDATION.POSITION);
    static final int STRATEGY = column(RECOMMENDATION.STRATEGY);
    static final int FETCHED_AT = column(RECOMMENDATION.FETCHED_AT);
    static final int RUN_ID = column(RECOMMENDATION.RUN_ID);
    static final int TRACK_ID = column(TRACK.ID);
    static final int TRACK_NAME = column(TRACK.NAME);
    static final int DURATION_MS = column(TRACK.DURATION_MS);
    static final int EXPLICIT = column(TRACK.EXPLICIT);
    static final int ALBUM_ID = column(ALBUM.ID);
    static final int ALBUM_NAME = column(ALBUM.NAME);
    static final int RELEASE_DATE = column(ALBUM.RELEASE_DATE);
    static final int IMAGE_URL = column(ALBUM.IMAGE_URL);
    static final int ARTIST_ID = column(ARTIST.ID);
    static final int ARTIST_NAME = column(ARTIST.NAME);
    static final int SOURCE = column(RECOMMENDATION.SOURCE);
    static final int REASON = column(RECOMMENDATION.REASON);
    static final int MISSING_SOURCES = column(RECOMMENDATION.MISSING_SOURCES);

    /** Binds: date, username. */
    static final String DAY = render(RECOMMENDATION.LIST_DATE.eq(param("date", LocalDate.class)));

    /** Binds: username. */
    static final String LATEST =
            render(
                    RECOMMENDATION.LIST_DATE.eq(
                            select(max(NEWER.LIST_DATE))
                                    .from(NEWER)
                                    .where(NEWER.USER_ID.eq(APP_USER.ID))));

    /** Binds: from, to, username. */
    static final String RANGE =
            render(
                    RECOMMENDATION.LIST_DATE.between(
                            param("from", LocalDate.class), param("to", LocalDate.class)));

    /**
     * Binds: from, to, username. One row per day of the range with a list: list_date, fetched_at,
     * run_id (both the same on every row of a day: one store writes them), the number of tracks;
     * one row with a null date for a user without lists there, none for an unknown user.
     */
    /** {@link #RANGE_DAYS}' columns, read by these labels. */
    static final String DAY_DATE = "day_date";

    static final String DAY_FETCHED_AT = "day_fetched_at";
    static final String DAY_RUN_ID = "day_run_id";
    static final String DAY_TRACKS = "day_tracks";
    static final String RANGE_DAYS =
            DSL.using(SQLDialect.POSTGRES, new Settings().withRenderSchema(false))
                    .render(
                            DSL.select(
                                            RECOMMENDATION.LIST_DATE.as(DAY_DATE),
                                            max(RECOMMENDATION.FETCHED_AT).as(DAY_FETCHED_AT),
                                            max(RECOMMENDATION.RUN_ID).as(DAY_RUN_ID),
                                            count(RECOMMENDATION.POSITION).as(DAY_TRACKS))
                                    .from(APP_USER)
                                    .leftJoin(RECOMMENDATION)
                                    .on(
                                            RECOMMENDATION
                                                    .USER_ID
                                                    .eq(APP_USER.ID)
                                                    .and(
                                                            RECOMMENDATION.LIST_DATE.between(
                                                                    param("from", LocalDate.class),
                                                                    param("to", LocalDate.class))))
                                    .where(APP_USER.USERNAME.eq(param("username", String.class)))
                                    .groupBy(RECOMMENDATION.LIST_DATE)
                                    .orderBy(RECOMMENDATION.LIST_DATE));

    private ListQueries() {}

    private static int column(Field<?> field) {
        int index = COLUMNS.indexOf(field);
        if (index < 0) {
            throw new IllegalStateException(field + " is not in the read query's select list");
        }
        return index + 1;
    }

    private static String render(Condition dateCondition) {
        var query =
                DSL.select(COLUMNS)
                        .from(APP_USER)
                        .leftJoin(RECOMMENDATION)
                        .on(RECOMMENDATION.USER_ID.eq(APP_USER.ID).and(dateCondition))
                        .leftJoin(TRACK)
                        .on(TRACK.ID.eq(RECOMMENDATION.TRACK_ID))
                        .leftJoin(ALBUM)
                        .on(ALBUM.ID.eq(TRACK.ALBUM_ID))
                        .leftJoin(TRACK_ARTIST)
                        .on(TRACK_ARTIST.TRACK_ID.eq(TRACK.ID))
                        .leftJoin(ARTIST)
                        .on(ARTIST.ID.eq(TRACK_ARTIST.ARTIST_ID))
                        .where(APP_USER.USERNAME.eq(param("username", String.class)))
                        .orderBy(
                                RECOMMENDATION.LIST_DATE,
                                RECOMMENDATION.POSITION,
                                TRACK_ARTIST.POSITION);
        return DSL.using(SQLDialect.POSTGRES, new Settings().withRenderSchema(false)).render(query);
    }
}
