package io.spotifyinsight.persistence;

import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.persistence.run.RunStatus;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Replaces jOOQ's generic DataAccessException by our own exceptions, with messages that say which
 * rule was broken in words an operator understands, instead of an SQL state.
 */
public final class SqlErrorTranslator implements ExecuteListener {
    private static final long serialVersionUID = 1L;

    /**
     * What each named constraint means, for the messages. Where an enum mirrors a check constraint
     * (strategies, run statuses, track sources) the allowed values are read from it, so a new value
     * cannot leave a stale message.
     */
    private static final Map<String, String> MEANINGS = meanings();

    private static Map<String, String> meanings() {
        List<String> strategies = namesOf(Strategy.values());
        List<String> statuses = namesOf(RunStatus.values());
        Map<String, String> meanings = new HashMap<>();
        meanings.put("app_user_username_uk", "a user with this username already exists");
        meanings.put(
                "app_user_username_format_ck",
                "username must be 1 to 64 characters: lower-case letters, digits, '.', '_' or '-',"
                        + " starting with a letter or digit");
        meanings.put(
                "app_user_market_ck",
                "market must be an ISO 3166-1 alpha-2 country code such as US or DE");
        meanings.put("app_user_track_limit_ck", "the number of tracks must be 1 to 100");
        meanings.put("user_seed_pk", "the same seed is given twice");
        meanings.put("user_seed_kind_ck", "a seed is an artist, a genre or a track");
        meanings.put(
                "user_seed_value_ck",
                "artist and track seeds are 22-character Spotify ids; genres are lower-case names"
                        + " such as hip-hop");
        meanings.put("user_seed_count_ck", "a user has 1 to 5 seeds in total");
        meanings.put("user_seed_position_ck", "a seed's position is 0 to 4");
        meanings.put("user_seed_user_fk", "the user does not exist");
        meanings.put("recommendation_pk", "two tracks share one position in a day's list");
        meanings.put("recommendation_track_uk", "the same track appears twice in a day's list");
        meanings.put("recommendation_position_ck", "a day's list holds at most 100 tracks");
        meanings.put("recommendation_strategy_ck", "the strategy must be " + oneOf(strategies));
        meanings.put(
                "recommendation_source_ck",
                "a track's source is " + oneOf(namesOf(TrackSource.values())));
        meanings.put(
                "recommendation_missing_sources_ck",
                "missing sources are lower-case source names separated by commas");
        meanings.put("recommendation_user_fk", "the user does not exist");
        meanings.put("recommendation_track_fk", "the track is not stored");
        meanings.put("recommendation_run_fk", "the fetch run does not exist");
        meanings.put("track_duration_ck", "a track's duration cannot be negative");
        meanings.put("track_album_fk", "the track's album is not stored");
        meanings.put("track_artist_pk", "two artists share one position of a track");
        meanings.put(
                "track_artist_position_ck", "an artist's position on a track cannot be negative");
        meanings.put("track_artist_track_fk", "the track is not stored");
        meanings.put("track_artist_artist_fk", "the track's artist is not stored");
        for (String table : List.of("track", "album", "artist")) {
            meanings.put(table + "_id_ck", table + " ids are 22-character Spotify ids");
            meanings.put(table + "_pk", "the " + table + " is stored twice");
        }
        // ids drawn from a sequence: only a bug can repeat one
        meanings.put("app_user_pk", "the user id is taken");
        meanings.put("fetch_run_pk", "the run id is taken");
        meanings.put(
                "fetch_run_counts_ck",
                "a run's user and track counts cannot be negative, and its succeeded and failed"
                        + " users together cannot outnumber its users");
        meanings.put("fetch_run_status_ck", "a run's status is " + oneOf(statuses));
        // a run records the strategy it was asked for, which may be auto
        meanings.put(
                "fetch_run_strategy_ck",
                "a run's strategy is "
                        + oneOf(Stream.concat(Stream.of("auto"), strategies.stream()).toList()));
        meanings.put("fetch_run_requests_ck", "a run's request counts cannot be negative");
        meanings.put("user_exclusion_pk", "the same exclusion is given twice");
        meanings.put("user_exclusion_user_fk", "the user does not exist");
        meanings.put("user_exclusion_kind_ck", "an exclusion is an artist or a track");
        meanings.put(
                "user_exclusion_id_ck", "excluded artists and tracks are 22-character Spotify ids");
        // the seed knowledge tables are written whole by one method, so these mean a bug there
        meanings.put("seed_artist_pk", "the seed artist is stored twice");
        meanings.put("seed_artist_genre_pk", "two genres share one position of a seed artist");
        meanings.put("seed_artist_genre_artist_fk", "the seed artist is not stored");
        meanings.put(
                "seed_artist_genre_source_ck",
                "a seed artist's genres come from spotify, lastfm or musicbrainz");
        meanings.put("seed_track_pk", "the seed track is stored twice");
        meanings.put("seed_track_artist_pk", "two artists share one position of a seed track");
        meanings.put("seed_track_artist_track_fk", "the seed track is not stored");
        return Map.copyOf(meanings);
    }

    private static List<String> namesOf(StoredName[] values) {
        return Stream.of(values).map(StoredName::dbValue).toList();
    }

    /** The words for a constraint of the schema, or null for one this class does not know. */
    static String meaningOf(String constraint) {
        return MEANINGS.get(constraint);
    }

    /** "a, b or c". */
    private static String oneOf(List<String> values) {
        int last = values.size() - 1;
        if (last == 0) {
            return values.get(0);
        }
        return String.join(", ", values.subList(0, last)) + " or " + values.get(last);
    }

    @Override
    public void exception(ExecuteContext ctx) {
        SQLException sqlException = ctx.sqlException();
        if (sqlException == null) {
            return;
        }
        RuntimeException translated = translate(sqlException);
        if (translated != null) {
            ctx.exception(translated);
        }
    }

    /**
     * Our exception for a JDBC failure, or null when it is none of ours (a bug, not a condition to
     * report).
     */
    public static RuntimeException translate(SQLException raw) {
        // A failed batch reports "Batch entry N <statement> was aborted"; the server's own error,
        // with the constraint's name, is the next exception. The statement itself is never echoed.
        SQLException e = raw;
        while (e instanceof BatchUpdateException && e.getNextException() != null) {
            e = e.getNextException();
        }
        String state = e.getSQLState();
        if (state == null) {
            return null;
        }
        if (state.startsWith("08")
                || state.equals("57P01")
                || state.equals("57P03")
                || state.equals("53300")) {
            return new DatabaseUnavailableException(
                    "The database is unreachable: " + e.getMessage(), e);
        }
        if (state.equals("57014")) {
            return new DatabaseTimeoutException(
                    "The database did not finish a statement within the query timeout "
                            + "(DATABASE_QUERY_TIMEOUT_SECONDS)",
                    e);
        }
        if (state.startsWith("23")) {
            String constraint = constraintOf(e);
            String meaning = constraint == null ? null : MEANINGS.get(constraint);
            String message =
                    meaning != null
                            ? "Rejected by the database: " + meaning + " (" + constraint + ")"
                            : "Rejected by the database: " + firstLine(e.getMessage());
            return new ConstraintViolationException(constraint, message, raw);
        }
        return null;
    }

    private static String constraintOf(SQLException e) {
        if (e instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null) {
                return server.getConstraint();
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "constraint violated";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
