package io.spotifyinsight.persistence.recommendation;

import static io.spotifyinsight.persistence.jooq.Tables.APP_USER;
import static io.spotifyinsight.persistence.jooq.Tables.RECOMMENDATION;
import static org.jooq.impl.DSL.max;

import io.spotifyinsight.persistence.JobLock;
import io.spotifyinsight.persistence.LockLostException;
import io.spotifyinsight.persistence.SqlErrorTranslator;
import io.spotifyinsight.persistence.StoredName;
import io.spotifyinsight.persistence.Transactions;
import io.spotifyinsight.persistence.user.UserNotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;

/**
 * Stored recommendation lists and the catalogue rows they point to.
 *
 * <p>Writes: {@link #storeDay} replaces one user's day in one transaction, batching every table in
 * multi-row statements. Reads: one query per list, on the primary key (user, date, position).
 */
public final class RecommendationRepository {
    /**
     * SQL states after which a store is simply tried again: deadlock detected, serialization
     * failure.
     */
    private static final Set<String> DEADLOCK_OR_SERIALIZATION = Set.of("40P01", "40001");

    private static final int MAX_ATTEMPTS = 3;

    private final DSLContext dsl;

    public RecommendationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Stores (or replaces) one user's list for one date, atomically: readers see the old list or
     * the new one, never a mix. Concurrent stores of the same user are serialised on the user's
     * row; catalogue rows are upserted in id order so that concurrent stores of different users
     * cannot deadlock.
     *
     * @return the number of recommendation rows stored
     */
    public int storeDay(DayToStore day) {
        return storeDay(day, null);
    }

    /**
     * As {@link #storeDay(DayToStore)}, for a fetch run holding {@code lock}: the day is stored
     * only if the lock is still held, checked in the same transaction ({@link LockLostException}
     * otherwise), so two runs can never write at once. A null lock (a test, a tool) checks nothing.
     */
    public int storeDay(DayToStore day, JobLock lock) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Transactions.result(
                        dsl,
                        tx -> {
                            if (lock != null) {
                                lock.verifyHeld(tx);
                            }
                            return storeDayOnce(tx, day);
                        });
            } catch (DataAccessException e) {
                // Writers touch shared catalogue rows in id order, but a changed row can still be
                // met
                // in another order by an UPDATE; PostgreSQL then aborts one side. Nothing was
                // written:
                // try again.
                if (!DEADLOCK_OR_SERIALIZATION.contains(e.sqlState()) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Four round trips whatever the list's size: lock the user's row (serialising stores of the
     * same user), one batch with every catalogue statement, the delete of the old day and the
     * insert of the new one, then commit.
     */
    private static int storeDayOnce(DSLContext db, DayToStore day) {
        db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.ID.eq(day.userId()))
                .forNoKeyUpdate()
                .fetchOptional()
                .orElseThrow(() -> new UserNotFoundException("#" + day.userId()));
        List<Query> queries = new ArrayList<>(CatalogWriter.upserts(db, day.trackInfos()));
        queries.add(
                db.deleteFrom(RECOMMENDATION)
                        .where(
                                RECOMMENDATION.USER_ID.eq(day.userId()),
                                RECOMMENDATION.LIST_DATE.eq(day.date())));
        if (!day.tracks().isEmpty()) {
            var insert =
                    db.insertInto(
                            RECOMMENDATION,
                            RECOMMENDATION.USER_ID,
                            RECOMMENDATION.LIST_DATE,
                            RECOMMENDATION.POSITION,
                            RECOMMENDATION.TRACK_ID,
                            RECOMMENDATION.STRATEGY,
                            RECOMMENDATION.RUN_ID,
                            RECOMMENDATION.FETCHED_AT,
                            RECOMMENDATION.SOURCE,
                            RECOMMENDATION.REASON,
                            RECOMMENDATION.MISSING_SOURCES);
            String missing = SourceNames.join(day.missingSources());
            short position = 0;
            for (RecommendedTrack track : day.tracks()) {
                insert =
                        insert.values(
                                day.userId(),
                                day.date(),
                                position++,
                                track.id(),
                                day.strategy().dbValue(),
                                day.runId(),
                                day.fetchedAt(),
                                track.source().dbValue(),
                                track.reason(),
                                missing);
            }
            queries.add(insert);
        }
        db.batch(queries).execute();
        return day.tracks().size();
    }

    /**
     * The tracks recommended to a user on the {@code days} dates before {@code date} (not on {@code
     * date} itself, which a re-run replaces), for the no-repeat rule.
     */
    public Set<String> recentTrackIds(long userId, LocalDate date, int days) {
        if (days <= 0) {
            return Set.of();
        }
        return Set.copyOf(
                dsl.selectDistinct(RECOMMENDATION.TRACK_ID)
                        .from(RECOMMENDATION)
                        .where(
                                RECOMMENDATION.USER_ID.eq(userId),
                                RECOMMENDATION.LIST_DATE.between(
                                        date.minusDays(days), date.minusDays(1)))
                        .fetch(RECOMMENDATION.TRACK_ID));
    }

    /** One user's list for one date, in position order, in one query. */
    public DayLookup findDay(String username, LocalDate date) {
        return lookup(username, ListQueries.DAY, date, username);
    }

    /** One user's newest list. */
    public DayLookup findLatest(String username) {
        return lookup(username, ListQueries.LATEST, username);
    }

    /**
     * A user's lists for the dates from {@code from} to {@code to} (inclusive), oldest first; empty
     * when the user is unknown. The caller bounds the range.
     */
    public Optional<List<StoredDay>> findRange(String username, LocalDate from, LocalDate to) {
        return Optional.ofNullable(listQuery(username, ListQueries.RANGE, from, to, username));
    }

    /**
     * Rows fetched per round trip when a range is read with {@link #readRange}: a few days' worth.
     */
    static final int RANGE_FETCH_SIZE = 500;

    /** What identifies one day's stored list, without its tracks. */
    public record DaySummary(LocalDate date, OffsetDateTime fetchedAt, Long runId, int tracks) {}

    /** Hands a range's days to {@code each}, oldest first, one at a time. */
    @FunctionalInterface
    public interface DayStream {
        void forEachDay(Consumer<StoredDay> each);
    }

    /**
     * What a caller does with a range: decides from the summaries, then reads the days if it wants
     * them.
     */
    @FunctionalInterface
    public interface RangeReader<T> {
        /**
         * @param days each day with a list, oldest first; null when the user is unknown
         */
        T read(List<DaySummary> days, DayStream lists);
    }

    /**
     * A user's lists from {@code from} to {@code to} (inclusive) without holding them all: in one
     * read-only REPEATABLE READ transaction (so the summaries and the days agree even while a run
     * replaces a day), first one cheap row per day, then, if {@code reader} asks, the days one at a
     * time from a cursor ({@link #RANGE_FETCH_SIZE} rows a round trip). Only the day being handed
     * over is in memory. Each query has the configured timeout; the server's statement_timeout
     * counts each fetch of the cursor on its own, so a slow consumer does not trip it (the consumer
     * bounds its own time). The connection stays taken until {@code reader} returns.
     */
    public <T> T readRange(String username, LocalDate from, LocalDate to, RangeReader<T> reader) {
        Integer timeout = dsl.settings().getQueryTimeout();
        return dsl.connectionResult(
                connection -> {
                    try {
                        // pgjdbc reads with a cursor only outside auto-commit
                        connection.setAutoCommit(false);
                        connection.setReadOnly(true);
                        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                        List<DaySummary> days = summaries(connection, timeout, username, from, to);
                        T result =
                                reader.read(
                                        days,
                                        each -> {
                                            try (PreparedStatement statement =
                                                    prepared(
                                                            connection,
                                                            ListQueries.RANGE,
                                                            timeout,
                                                            from,
                                                            to,
                                                            username)) {
                                                statement.setFetchSize(RANGE_FETCH_SIZE);
                                                try (ResultSet rows = statement.executeQuery()) {
                                                    eachDay(username, rows, each);
                                                }
                                            } catch (SQLException e) {
                                                throw readFailure(e);
                                            }
                                        });
                        connection.commit();
                        return result;
                    } catch (SQLException e) {
                        throw readFailure(e);
                    } finally {
                        endRead(connection);
                    }
                });
    }

    /**
     * Back to auto-commit; a read that failed has nothing to keep, and a broken connection the pool
     * drops.
     */
    private static void endRead(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // the connection is broken: the failure that broke it is the one reported
        }
    }

    private static List<DaySummary> summaries(
            Connection connection, Integer timeout, String username, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement statement =
                        prepared(connection, ListQueries.RANGE_DAYS, timeout, from, to, username);
                ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return null;
            }
            List<DaySummary> days = new ArrayList<>();
            do {
                LocalDate date = rows.getObject(ListQueries.DAY_DATE, LocalDate.class);
                if (date != null) {
                    long run = rows.getLong(ListQueries.DAY_RUN_ID);
                    Long runId = rows.wasNull() ? null : run;
                    days.add(
                            new DaySummary(
                                    date,
                                    rows.getObject(
                                            ListQueries.DAY_FETCHED_AT, OffsetDateTime.class),
                                    runId,
                                    rows.getInt(ListQueries.DAY_TRACKS)));
                }
            } while (rows.next());
            return days;
        }
    }

    private static PreparedStatement prepared(
            Connection connection, String sql, Integer timeout, Object... binds)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            if (timeout != null && timeout > 0) {
                statement.setQueryTimeout(timeout);
            }
            for (int i = 0; i < binds.length; i++) {
                statement.setObject(i + 1, binds[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** The dates for which a user has a list, newest first. */
    public List<LocalDate> dates(String username) {
        return dsl.selectDistinct(RECOMMENDATION.LIST_DATE)
                .from(RECOMMENDATION)
                .join(APP_USER)
                .on(APP_USER.ID.eq(RECOMMENDATION.USER_ID))
                .where(APP_USER.USERNAME.eq(username))
                .orderBy(RECOMMENDATION.LIST_DATE.desc())
                .fetch(RECOMMENDATION.LIST_DATE);
    }

    /** Each user's newest date, for the users that have any list. */
    public Map<String, LocalDate> latestDates() {
        Map<String, LocalDate> latest = new LinkedHashMap<>();
        dsl.select(APP_USER.USERNAME, max(RECOMMENDATION.LIST_DATE))
                .from(APP_USER)
                .join(RECOMMENDATION)
                .on(RECOMMENDATION.USER_ID.eq(APP_USER.ID))
                .groupBy(APP_USER.USERNAME)
                .orderBy(APP_USER.USERNAME)
                .forEach(r -> latest.put(r.value1(), r.value2()));
        return latest;
    }

    private DayLookup lookup(String username, String sql, Object... binds) {
        List<StoredDay> days = listQuery(username, sql, binds);
        if (days == null) {
            return new DayLookup.UnknownUser(username);
        }
        if (days.isEmpty()) {
            return new DayLookup.NoList(username);
        }
        return new DayLookup.Found(days.get(0));
    }

    /**
     * Runs one of the {@link ListQueries}: the user's lists that the query found, oldest first;
     * empty if none, null if there is no such user. Plain JDBC on a pooled connection (the provider
     * turns "no connection" into DatabaseUnavailableException), with the configured statement
     * timeout.
     */
    private List<StoredDay> listQuery(String username, String sql, Object... binds) {
        Integer timeout = dsl.settings().getQueryTimeout();
        return dsl.connectionResult(
                connection -> {
                    try (PreparedStatement statement = prepared(connection, sql, timeout, binds)) {
                        try (ResultSet rows = statement.executeQuery()) {
                            return days(username, rows);
                        }
                    } catch (SQLException e) {
                        throw readFailure(e);
                    }
                });
    }

    /**
     * The read path bypasses jOOQ's execution, and so its listener: translate the same way here.
     */
    private static RuntimeException readFailure(SQLException e) {
        RuntimeException translated = SqlErrorTranslator.translate(e);
        return translated != null
                ? translated
                : new DataAccessException(
                        "Reading recommendations failed (SQL state " + e.getSQLState() + ")", e);
    }

    /**
     * Groups the rows, ordered by date, position and artist position, into days of tracks with
     * their artists. Null when no row came back (no such user); empty when only the user's row did
     * (no list).
     */
    private static List<StoredDay> days(String username, ResultSet rows) throws SQLException {
        List<StoredDay> days = new ArrayList<>();
        return eachDay(username, rows, days::add) ? days : null;
    }

    /**
     * Hands each day of the rows to {@code each} as soon as it is whole; false when no row came
     * back.
     */
    private static boolean eachDay(String username, ResultSet rows, Consumer<StoredDay> each)
            throws SQLException {
        if (!rows.next()) {
            return false;
        }
        boolean more =
                rows.getObject(ListQueries.LIST_DATE) != null; // the user's row alone: no list
        while (more) {
            LocalDate date = rows.getObject(ListQueries.LIST_DATE, LocalDate.class);
            Strategy strategy =
                    StoredName.fromDb(Strategy.class, rows.getString(ListQueries.STRATEGY));
            OffsetDateTime fetchedAt = rows.getObject(ListQueries.FETCHED_AT, OffsetDateTime.class);
            long run = rows.getLong(ListQueries.RUN_ID);
            Long runId = rows.wasNull() ? null : run;
            List<String> missingSources =
                    SourceNames.split(rows.getString(ListQueries.MISSING_SOURCES));
            List<RecommendedTrack> tracks = new ArrayList<>();
            do {
                int position = rows.getInt(ListQueries.POSITION);
                String trackId = rows.getString(ListQueries.TRACK_ID);
                String name = rows.getString(ListQueries.TRACK_NAME);
                int durationMs = rows.getInt(ListQueries.DURATION_MS);
                TrackSource source =
                        StoredName.fromDb(TrackSource.class, rows.getString(ListQueries.SOURCE));
                String reason = rows.getString(ListQueries.REASON);
                boolean explicitValue = rows.getBoolean(ListQueries.EXPLICIT);
                Boolean explicit = rows.wasNull() ? null : explicitValue;
                String albumId = rows.getString(ListQueries.ALBUM_ID);
                AlbumInfo album =
                        albumId == null
                                ? null
                                : new AlbumInfo(
                                        albumId,
                                        rows.getString(ListQueries.ALBUM_NAME),
                                        rows.getString(ListQueries.RELEASE_DATE),
                                        rows.getString(ListQueries.IMAGE_URL));
                List<ArtistInfo> artists = new ArrayList<>(2);
                do { // one row per artist of the track; one with a null artist for a track without
                    // any
                    String artistId = rows.getString(ListQueries.ARTIST_ID);
                    if (artistId != null) {
                        artists.add(
                                new ArtistInfo(artistId, rows.getString(ListQueries.ARTIST_NAME)));
                    }
                    more = rows.next();
                } while (more
                        && rows.getInt(ListQueries.POSITION) == position
                        && date.equals(rows.getObject(ListQueries.LIST_DATE, LocalDate.class)));
                tracks.add(
                        new RecommendedTrack(
                                new TrackInfo(trackId, name, durationMs, explicit, album, artists),
                                source,
                                reason));
            } while (more && date.equals(rows.getObject(ListQueries.LIST_DATE, LocalDate.class)));
            each.accept(
                    new StoredDay(
                            username, date, strategy, fetchedAt, runId, tracks, missingSources));
        }
        return true;
    }
}
