package io.spotifyinsight.fetcher.bench;

import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.persistence.DatabaseConfig;
import io.spotifyinsight.persistence.recommendation.DayToStore;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.recommendation.TrackInfo;
import io.spotifyinsight.persistence.recommendation.TrackSource;
import io.spotifyinsight.persistence.testing.TestTracks;
import io.spotifyinsight.spotify.fake.FakeCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Helpers for {@code fetcher-job/bench/run.sh} (not a test): creates the scratch database with N
 * users of three seeds each (artist, genre, track from the fake's standard catalogue), counts what
 * a run stored, and times storing 100,000 recommendation rows through {@link
 * RecommendationRepository#storeDay}.
 *
 * <pre>
 *   setup ADMIN_JDBC_URL DB_NAME USERS
 *   count JDBC_URL
 *   store ADMIN_JDBC_URL DB_NAME USERS TRACKS_PER_USER THREADS
 * </pre>
 */
public final class FetchBenchmark {
    private FetchBenchmark() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "setup" -> setup(args[1], args[2], Integer.parseInt(args[3]));
            case "count" -> count(args[1]);
            case "store" ->
                    store(
                            args[1],
                            args[2],
                            Integer.parseInt(args[3]),
                            Integer.parseInt(args[4]),
                            Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("setup | count | store");
        }
    }

    private static void setup(String adminUrl, String name, int users) throws Exception {
        String url = ScratchDatabase.recreate(adminUrl, name, "bench");
        FakeCatalog catalog = FakeCatalog.standard();
        try (Connection c = ScratchDatabase.connect(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement user = c.prepareStatement(ScratchDatabase.INSERT_USER);
                    PreparedStatement seed = c.prepareStatement(ScratchDatabase.INSERT_SEED)) {
                for (int i = 0; i < users; i++) {
                    long id =
                            ScratchDatabase.insertUser(
                                    user, String.format(Locale.ROOT, "bench-%05d", i), 20);
                    var artist = catalog.artists().get(i % catalog.artists().size());
                    var track = catalog.tracks().get((i * 7) % catalog.tracks().size());
                    String genre = catalog.genres().get((i * 3) % catalog.genres().size());
                    ScratchDatabase.addSeeds(
                            seed, id, List.of(artist.id()), List.of(genre), List.of(track.id()));
                }
                seed.executeBatch();
            }
            c.commit();
        }
        System.out.println("created " + url + " with " + users + " users (3 seeds each, limit 20)");
    }

    private static void count(String url) throws Exception {
        ScratchDatabase.query(
                url,
                "SELECT count(*), count(DISTINCT user_id), (SELECT count(*) FROM app_user WHERE"
                        + " active) FROM recommendation",
                r ->
                        System.out.println(
                                "rows stored: "
                                        + r.getLong(1)
                                        + " recommendation rows for "
                                        + r.getLong(2)
                                        + " of "
                                        + r.getLong(3)
                                        + " active users"));
    }

    private static void store(
            String adminUrl, String name, int users, int tracksPerUser, int threads)
            throws Exception {
        String url = ScratchDatabase.recreate(adminUrl, name, "bench");
        List<Long> ids = new ArrayList<>();
        try (Connection c = ScratchDatabase.connect(url);
                PreparedStatement insert = c.prepareStatement(ScratchDatabase.INSERT_USER);
                PreparedStatement seed = c.prepareStatement(ScratchDatabase.INSERT_SEED)) {
            c.setAutoCommit(false);
            for (int i = 0; i < users; i++) {
                long id =
                        ScratchDatabase.insertUser(
                                insert,
                                String.format(Locale.ROOT, "store-%05d", i),
                                Math.min(100, tracksPerUser));
                ids.add(id);
                ScratchDatabase.addSeeds(seed, id, List.of(), List.of("jazz"), List.of());
            }
            seed.executeBatch();
            c.commit();
        }
        // A catalogue of 2,000 tracks shared by the lists, as real lists share popular tracks.
        List<TrackInfo> catalogue = TestTracks.tracks(0, 2_000);
        try (Database db =
                Database.open(
                        DatabaseConfig.of(url, ScratchDatabase.user(), ScratchDatabase.password())
                                .withPoolSize(threads + 1),
                        "bench")) {
            RecommendationRepository repository = new RecommendationRepository(db.dsl());
            LocalDate date = LocalDate.of(2025, 1, 1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<Integer>> stored = new ArrayList<>();
            for (int u = 0; u < ids.size(); u++) {
                long userId = ids.get(u);
                int offset = (u * 37) % (catalogue.size() - tracksPerUser);
                List<RecommendedTrack> tracks =
                        catalogue.subList(offset, offset + tracksPerUser).stream()
                                .map(t -> new RecommendedTrack(t, TrackSource.SEARCH, "benchmark"))
                                .toList();
                DayToStore day =
                        new DayToStore(
                                userId, date, Strategy.SEARCH, null, OffsetDateTime.now(), tracks);
                stored.add(pool.submit(() -> repository.storeDay(day)));
            }
            long rows = 0;
            for (Future<Integer> f : stored) {
                rows += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            System.out.printf(
                    Locale.ROOT,
                    "stored %d recommendation rows (%d users x %d tracks, %d threads) in %.2f s"
                            + " = %.0f rows/s, %.1f ms per user's day%n",
                    rows,
                    users,
                    tracksPerUser,
                    threads,
                    seconds,
                    rows / seconds,
                    seconds * 1000 / users * threads);
        }
    }
}
