package io.spotifyinsight.fetcher.bench;

import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.persistence.DatabaseConfig;
import io.spotifyinsight.persistence.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The benchmarks' own database, dropped and created anew for each run and filled through plain JDBC
 * (thousands of users in one batch), as {@code DATABASE_USER} with {@code DATABASE_PASSWORD}.
 */
final class ScratchDatabase {
    static final String INSERT_USER =
            "INSERT INTO app_user (username, active, track_limit) VALUES (?, true, ?) RETURNING id";
    static final String INSERT_SEED =
            "INSERT INTO user_seed (user_id, kind, seed_value, position) VALUES (?, ?, ?, ?)";

    private ScratchDatabase() {}

    /** {@code DATABASE_USER}, postgres when unset or blank. */
    static String user() {
        String value = System.getenv("DATABASE_USER");
        return value == null || value.isBlank() ? "postgres" : value;
    }

    static String password() {
        return System.getenv().getOrDefault("DATABASE_PASSWORD", "");
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    /**
     * Drops and recreates {@code name} on the server of {@code adminUrl}, migrates it and returns
     * its JDBC URL.
     *
     * @param application the name the migration's connections show in pg_stat_activity
     */
    static String recreate(String adminUrl, String name, String application) throws SQLException {
        try (Connection admin = connect(adminUrl);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        try (Database db = Database.open(DatabaseConfig.of(url, user(), password()), application)) {
            Migrations.migrate(db.dataSource());
        }
        return url;
    }

    /** What a query's caller does with each row. */
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Runs {@code sql} on the database at {@code url} and hands each row to {@code reader}. */
    static void query(String url, String sql, RowReader reader) throws SQLException {
        try (Connection c = connect(url);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                reader.read(r);
            }
        }
    }

    /** Runs {@link #INSERT_USER} for an active user and returns the new id. */
    static long insertUser(PreparedStatement insert, String username, int trackLimit)
            throws SQLException {
        insert.setString(1, username);
        insert.setInt(2, trackLimit);
        try (ResultSet r = insert.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Adds a user's seeds to the {@link #INSERT_SEED} batch: artists, then genres, then tracks,
     * numbered in that order as the repository stores them.
     */
    static void addSeeds(
            PreparedStatement seed,
            long userId,
            List<String> artists,
            List<String> genres,
            List<String> tracks)
            throws SQLException {
        int position = 0;
        for (String artist : artists) {
            addSeed(seed, userId, "artist", artist, position++);
        }
        for (String genre : genres) {
            addSeed(seed, userId, "genre", genre, position++);
        }
        for (String track : tracks) {
            addSeed(seed, userId, "track", track, position++);
        }
    }

    private static void addSeed(
            PreparedStatement seed, long userId, String kind, String value, int position)
            throws SQLException {
        seed.setLong(1, userId);
        seed.setString(2, kind);
        seed.setString(3, value);
        seed.setShort(4, (short) position);
        seed.addBatch();
    }
}
