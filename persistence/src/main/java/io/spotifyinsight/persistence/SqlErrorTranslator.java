package io.spotifyinsight.persistence;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Map;
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

    /** What each named constraint means, for the messages. */
    private static final Map<String, String> MEANINGS =
            Map.ofEntries(
                    Map.entry("app_user_username_uk", "a user with this username already exists"),
                    Map.entry(
                            "app_user_username_format_ck",
                            "username must be 1 to 64 characters: lower-case letters, digits, '.',"
                                    + " '_' or '-', starting with a letter or digit"),
                    Map.entry(
                            "app_user_market_ck",
                            "market must be an ISO 3166-1 alpha-2 country code such as US or DE"),
                    Map.entry("app_user_track_limit_ck", "the number of tracks must be 1 to 100"),
                    Map.entry("user_seed_pk", "the same seed is given twice"),
                    Map.entry("user_seed_kind_ck", "a seed is an artist, a genre or a track"),
                    Map.entry(
                            "user_seed_value_ck",
                            "artist and track seeds are 22-character Spotify ids; genres are"
                                    + " lower-case names such as hip-hop"),
                    Map.entry("user_seed_count_ck", "a user has 1 to 5 seeds in total"),
                    Map.entry("recommendation_pk", "two tracks share one position in a day's list"),
                    Map.entry(
                            "recommendation_track_uk",
                            "the same track appears twice in a day's list"),
                    Map.entry(
                            "recommendation_position_ck", "a day's list holds at most 100 tracks"),
                    Map.entry(
                            "recommendation_strategy_ck", "the strategy must be spotify or search"),
                    Map.entry("recommendation_user_fk", "the user does not exist"),
                    Map.entry("recommendation_track_fk", "the track is not stored"),
                    Map.entry("recommendation_run_fk", "the fetch run does not exist"),
                    Map.entry("track_id_ck", "track ids are 22-character Spotify ids"),
                    Map.entry("album_id_ck", "album ids are 22-character Spotify ids"),
                    Map.entry("artist_id_ck", "artist ids are 22-character Spotify ids"),
                    Map.entry(
                            "fetch_run_status_ck",
                            "a run's status is running, succeeded, partial or failed"),
                    Map.entry(
                            "fetch_run_strategy_ck",
                            "a run's strategy is auto, spotify or search"));

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
        // with
        // the constraint's name, is the next exception. The statement itself is never echoed.
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
