package io.spotifyinsight.persistence.recommendation;

import static io.spotifyinsight.persistence.jooq.Tables.ALBUM;
import static io.spotifyinsight.persistence.jooq.Tables.APP_USER;
import static io.spotifyinsight.persistence.jooq.Tables.ARTIST;
import static io.spotifyinsight.persistence.jooq.Tables.RECOMMENDATION;
import static io.spotifyinsight.persistence.jooq.Tables.TRACK;
import static io.spotifyinsight.persistence.jooq.Tables.TRACK_ARTIST;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import io.spotifyinsight.persistence.Transactions;
import io.spotifyinsight.persistence.jooq.tables.Recommendation;
import io.spotifyinsight.persistence.user.UserNotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.Result;
import org.jooq.exception.DataAccessException;

/**
 * Stored recommendation lists and the catalogue rows they point to.
 *
 * <p>Writes: {@link #storeDay} replaces one user's day in one transaction, batching every table in
 * multi-row statements. Reads: one query per list, on the primary key (user, date, position).
 */
public final class RecommendationRepository {
    /** SQL states after which a store is simply tried again: deadlock detected, serialization failure. */
    private static final Set<String> DEADLOCK_OR_SERIALIZATION = Set.of("40P01", "40001");
    private static final int MAX_ATTEMPTS = 3;

    private final DSLContext dsl;

    public RecommendationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Stores (or replaces) one user's list for one date, atomically: readers see the old list or the new
     * one, never a mix. Concurrent stores of the same user are serialised on the user's row; catalogue
     * rows are upserted in id order so that concurrent stores of different users cannot deadlock.
     *
     * @return the number of recommendation rows stored
     */
    public int storeDay(DayToStore day) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Transactions.result(dsl, tx -> storeDayOnce(tx.dsl(), day));
            } catch (DataAccessException e) {
                // Writers touch shared catalogue rows in id order, but a changed row can still be met
                // in another order by an UPDATE; PostgreSQL then aborts one side. Nothing was written:
                // try again.
                if (!DEADLOCK_OR_SERIALIZATION.contains(e.sqlState()) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Four round trips whatever the list's size: lock the user's row (serialising stores of the same
     * user), one batch with every catalogue statement, the delete of the old day and the insert of the
     * new one, then commit.
     */
    private static int storeDayOnce(DSLContext db, DayToStore day) {
        db.select(APP_USER.ID).from(APP_USER).where(APP_USER.ID.eq(day.userId())).forNoKeyUpdate()
                .fetchOptional()
                .orElseThrow(() -> new UserNotFoundException("#" + day.userId()));
        List<Query> queries = new ArrayList<>(CatalogWriter.upserts(db, day.tracks()));
        queries.add(db.deleteFrom(RECOMMENDATION)
                .where(RECOMMENDATION.USER_ID.eq(day.userId()), RECOMMENDATION.LIST_DATE.eq(day.date())));
        if (!day.tracks().isEmpty()) {
            var insert = db.insertInto(RECOMMENDATION, RECOMMENDATION.USER_ID, RECOMMENDATION.LIST_DATE,
                    RECOMMENDATION.POSITION, RECOMMENDATION.TRACK_ID, RECOMMENDATION.STRATEGY, RECOMMENDATION.RUN_ID,
                    RECOMMENDATION.FETCHED_AT);
            short position = 0;
            for (TrackInfo track : day.tracks()) {
                insert = insert.values(day.userId(), day.date(), position++, track.id(), day.strategy().dbValue(),
                        day.runId(), day.fetchedAt());
            }
            queries.add(insert);
        }
        db.batch(queries).execute();
        return day.tracks().size();
    }

    /** One user's list for one date, in position order, in one query. */
    public DayLookup findDay(String username, LocalDate date) {
        return lookup(username, RECOMMENDATION.LIST_DATE.eq(date));
    }

    /** One user's newest list. */
    public DayLookup findLatest(String username) {
        Recommendation newer = RECOMMENDATION.as("newer");
        return lookup(username, RECOMMENDATION.LIST_DATE.eq(
                select(max(newer.LIST_DATE)).from(newer).where(newer.USER_ID.eq(APP_USER.ID))));
    }

    /**
     * A user's lists for the dates from {@code from} to {@code to} (inclusive), oldest first; empty
     * when the user is unknown. The caller bounds the range.
     */
    public Optional<List<StoredDay>> findRange(String username, LocalDate from, LocalDate to) {
        Result<? extends Record> rows = listQuery(username, RECOMMENDATION.LIST_DATE.between(from, to));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<LocalDate, List<Record>> byDate = new TreeMap<>();
        for (Record row : rows) {
            LocalDate date = row.get(RECOMMENDATION.LIST_DATE);
            if (date != null) {
                byDate.computeIfAbsent(date, d -> new ArrayList<>()).add(row);
            }
        }
        List<StoredDay> days = new ArrayList<>(byDate.size());
        byDate.values().forEach(dayRows -> days.add(toDay(username, dayRows)));
        return Optional.of(days);
    }

    /** The dates for which a user has a list, newest first. */
    public List<LocalDate> dates(String username) {
        return dsl.selectDistinct(RECOMMENDATION.LIST_DATE)
                .from(RECOMMENDATION).join(APP_USER).on(APP_USER.ID.eq(RECOMMENDATION.USER_ID))
                .where(APP_USER.USERNAME.eq(username))
                .orderBy(RECOMMENDATION.LIST_DATE.desc())
                .fetch(RECOMMENDATION.LIST_DATE);
    }

    /** Each user's newest date, for the users that have any list. */
    public Map<String, LocalDate> latestDates() {
        Map<String, LocalDate> latest = new LinkedHashMap<>();
        dsl.select(APP_USER.USERNAME, max(RECOMMENDATION.LIST_DATE))
                .from(APP_USER).join(RECOMMENDATION).on(RECOMMENDATION.USER_ID.eq(APP_USER.ID))
                .groupBy(APP_USER.USERNAME)
                .orderBy(APP_USER.USERNAME)
                .forEach(r -> latest.put(r.value1(), r.value2()));
        return latest;
    }

    private DayLookup lookup(String username, Condition dateCondition) {
        Result<? extends Record> rows = listQuery(username, dateCondition);
        if (rows.isEmpty()) {
            return new DayLookup.UnknownUser(username);
        }
        if (rows.get(0).get(RECOMMENDATION.POSITION) == null) {
            return new DayLookup.NoList(username);
        }
        return new DayLookup.Found(toDay(username, rows));
    }

    /**
     * The read path: the user row left-joined to its recommendations, so that "unknown user" (no row)
     * and "no list" (one row without a position) come out of the same single query.
     */
    private Result<? extends Record> listQuery(String username, Condition dateCondition) {
        return dsl.select(RECOMMENDATION.LIST_DATE, RECOMMENDATION.POSITION, RECOMMENDATION.STRATEGY,
                        RECOMMENDATION.FETCHED_AT, RECOMMENDATION.RUN_ID,
                        TRACK.ID, TRACK.NAME, TRACK.DURATION_MS, TRACK.EXPLICIT,
                        ALBUM.ID, ALBUM.NAME, ALBUM.RELEASE_DATE, ALBUM.IMAGE_URL, ARTISTS)
                .from(APP_USER)
                .leftJoin(RECOMMENDATION).on(RECOMMENDATION.USER_ID.eq(APP_USER.ID).and(dateCondition))
                .leftJoin(TRACK).on(TRACK.ID.eq(RECOMMENDATION.TRACK_ID))
                .leftJoin(ALBUM).on(ALBUM.ID.eq(TRACK.ALBUM_ID))
                .where(APP_USER.USERNAME.eq(username))
                .orderBy(RECOMMENDATION.LIST_DATE, RECOMMENDATION.POSITION)
                .fetch();
    }

    private static final Field<List<ArtistInfo>> ARTISTS = multiset(
            select(ARTIST.ID, ARTIST.NAME)
                    .from(TRACK_ARTIST).join(ARTIST).on(ARTIST.ID.eq(TRACK_ARTIST.ARTIST_ID))
                    .where(TRACK_ARTIST.TRACK_ID.eq(TRACK.ID))
                    .orderBy(TRACK_ARTIST.POSITION))
            .as("artists")
            .convertFrom(r -> r.map(Records.mapping(ArtistInfo::new)));

    private static StoredDay toDay(String username, List<? extends Record> rows) {
        Record first = rows.get(0);
        List<TrackInfo> tracks = rows.stream()
                .sorted(Comparator.comparing(r -> r.get(RECOMMENDATION.POSITION)))
                .map(r -> new TrackInfo(r.get(TRACK.ID), r.get(TRACK.NAME), r.get(TRACK.DURATION_MS),
                        r.get(TRACK.EXPLICIT),
                        new AlbumInfo(r.get(ALBUM.ID), r.get(ALBUM.NAME), r.get(ALBUM.RELEASE_DATE), r.get(ALBUM.IMAGE_URL)),
                        r.get(ARTISTS)))
                .toList();
        return new StoredDay(username, first.get(RECOMMENDATION.LIST_DATE), Strategy.fromDb(first.get(RECOMMENDATION.STRATEGY)),
                first.get(RECOMMENDATION.FETCHED_AT), first.get(RECOMMENDATION.RUN_ID), tracks);
    }

}
