package io.spotifyinsight.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.spotifyinsight.fetcher.strategy.AutoStrategy;
import io.spotifyinsight.persistence.JobLock;
import io.spotifyinsight.persistence.recommendation.DayLookup;
import io.spotifyinsight.persistence.recommendation.RecommendationRepository;
import io.spotifyinsight.persistence.recommendation.RecommendedTrack;
import io.spotifyinsight.persistence.recommendation.StoredDay;
import io.spotifyinsight.persistence.recommendation.Strategy;
import io.spotifyinsight.persistence.run.FetchRun;
import io.spotifyinsight.persistence.run.FetchRunRepository;
import io.spotifyinsight.persistence.run.RunStatus;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.persistence.user.Seeds;
import io.spotifyinsight.persistence.user.UserRepository;
import io.spotifyinsight.spotify.fake.FakeSpotify;
import io.spotifyinsight.spotify.fake.FakeSpotifyExtension;
import io.spotifyinsight.spotify.fake.RecordedCall;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The {@code run} command in-process against a real PostgreSQL and the fake Spotify. Each test
 * names its own users with {@code --user}, so tests sharing the class's database do not meet.
 */
class RunCommandTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase(8);
    @RegisterExtension static final FakeSpotifyExtension spotify = new FakeSpotifyExtension();
    FakeSpotify fake;
    static final AtomicInteger names = new AtomicInteger();
    static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    InProcessCli cli;
    UserRepository users;
    RecommendationRepository lists;

    @BeforeEach
    void setUp() {
        fake = spotify.fake();
        cli =
                new InProcessCli(
                                InProcessCli.merge(
                                        db.env(), fake.env(), Map.of("FETCHER_SOURCES", "none")))
                        .with("SPOTIFY_RETRY_BUDGET_SECONDS", "20");
        users = new UserRepository(db.dsl());
        lists = new RecommendationRepository(db.dsl());
    }

    /** A fresh active user with an artist, a genre and a track seed from the fake's catalogue. */
    private String newUser(int limit) {
        int n = names.incrementAndGet();
        String name = "user" + n;
        users.create(
                TestUsers.active(name, limit, TestUsers.artistGenreAndTrack(fake.catalog(), n)));
        return name;
    }

    private String[] runArgs(String date, List<String> names, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--date", date));
        names.forEach(
                n -> {
                    args.add("--user");
                    args.add(n);
                });
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private StoredDay day(String user, LocalDate date) {
        DayLookup lookup = lists.findDay(user, date);
        assertThat(lookup).isInstanceOf(DayLookup.Found.class);
        return ((DayLookup.Found) lookup).day();
    }

    private FetchRun latestRun() {
        return new FetchRunRepository(db.dsl()).latest(1).get(0);
    }

    @Test
    void extended_quota_app_with_the_spotify_strategy_stores_every_user() {
        List<String> group = List.of(newUser(20), newUser(7), newUser(30));
        CliResult result = cli.run(runArgs(DAY.toString(), group, "--strategy", "spotify"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("3 of 3 users stored", "0 failed", "spotify:");
        assertThat(day(group.get(0), DAY).tracks()).hasSize(20);
        assertThat(day(group.get(1), DAY).tracks()).hasSize(7);
        assertThat(day(group.get(0), DAY).strategy()).isEqualTo(Strategy.SPOTIFY);
        FetchRun run = latestRun();
        assertThat(run.outcome().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.strategy()).isEqualTo("spotify");
        assertThat(run.outcome().usersSucceeded()).isEqualTo(3);
        assertThat(run.outcome().tracksStored()).isEqualTo(57);
        assertThat(day(group.get(2), DAY).runId()).isEqualTo(run.id());
    }

    @Test
    void auto_falls_back_to_the_blend_once_for_a_development_mode_app() {
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);
        List<String> group =
                List.of(newUser(20), newUser(20), newUser(20), newUser(20), newUser(20));
        ListAppender<ILoggingEvent> logs = capture(AutoStrategy.class);
        try {
            CliResult result = cli.run(runArgs(DAY.toString(), group));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("strategy auto via blend", "5 of 5 users stored");
            assertThat(logs.list)
                    .filteredOn(
                            e ->
                                    e.getFormattedMessage()
                                            .contains("no access to /v1/recommendations"))
                    .hasSize(1);
            assertThat(fake.apiRequests())
                    .filteredOn(c -> c.path().startsWith("/v1/recommendations"))
                    .hasSize(1);
            assertThat(fake.apiRequests())
                    .filteredOn(c -> c.path().startsWith("/v1/search"))
                    .allMatch(c -> c.status() == 200);
            for (String user : group) {
                StoredDay stored = day(user, DAY);
                assertThat(stored.strategy()).isEqualTo(Strategy.BLEND);
                assertThat(stored.tracks()).hasSize(20);
                assertThat(stored.tracks())
                        .extracting(RecommendedTrack::id)
                        .doesNotContainAnyElementsOf(
                                users.find(user).orElseThrow().settings().seeds().tracks());
                // no artist over-represented: at most a fifth of the list
                assertThat(
                                stored.tracks().stream()
                                        .collect(
                                                java.util.stream.Collectors.groupingBy(
                                                        t -> t.track().artists().get(0).id(),
                                                        java.util.stream.Collectors.counting()))
                                        .values())
                        .allMatch(count -> count <= 4);
            }
            assertThat(latestRun().strategy()).isEqualTo("auto");
        } finally {
            release(AutoStrategy.class, logs);
        }
    }

    @Test
    void the_search_pick_is_the_same_on_a_rerun_and_differs_between_dates() {
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);
        String user = newUser(20);
        List<Long> rejectedSearches = new ArrayList<>();
        List<String> first = searchRun(user, "2025-01-01", rejectedSearches);
        List<String> again = searchRun(user, "2025-01-01", rejectedSearches);
        List<String> nextDay = searchRun(user, "2025-01-02", rejectedSearches);

        assertThat(again).isEqualTo(first);
        assertThat(nextDay).isNotEqualTo(first);
        // development mode: each run of the explicit search strategy learns the limit of 10 from
        // one 400
        assertThat(rejectedSearches).containsExactly(1L, 1L, 1L);
    }

    /**
     * One run with --strategy search: the day's track ids; adds the run's count of searches
     * answered 400.
     */
    private List<String> searchRun(String user, String date, List<Long> rejectedSearches) {
        fake.resetLog();
        assertThat(cli.run(runArgs(date, List.of(user), "--strategy", "search")).exitCode())
                .isZero();
        rejectedSearches.add(
                fake.apiRequests().stream()
                        .filter(c -> c.path().startsWith("/v1/search") && c.status() == 400)
                        .count());
        return day(user, LocalDate.parse(date)).tracks().stream()
                .map(RecommendedTrack::id)
                .toList();
    }

    @Test
    void rerunning_a_date_replaces_the_day_instead_of_adding_to_it() {
        String user = newUser(15);
        assertThat(cli.run(runArgs(DAY.toString(), List.of(user))).exitCode()).isZero();
        assertThat(cli.run(runArgs(DAY.toString(), List.of(user))).exitCode()).isZero();

        assertThat(day(user, DAY).tracks()).hasSize(15);
        assertThat(lists.dates(user)).containsExactly(DAY);
        Object rows =
                db.dsl()
                        .fetchValue(
                                "SELECT count(*)::int FROM recommendation r JOIN app_user u ON u.id"
                                        + " = r.user_id WHERE u.username = ?",
                                user);
        assertThat(rows).isEqualTo(15);
    }

    @Test
    void one_failing_user_does_not_stop_the_others_and_the_run_exits_1() {
        String good = newUser(10);
        String bad = "user-bad-" + names.incrementAndGet();
        // an unknown genre: Spotify answers with no tracks, which fails that user only
        users.create(TestUsers.active(bad, 10, TestUsers.genres("no-such-genre")));
        String alsoGood = newUser(10);

        CliResult result =
                cli.run(
                        runArgs(
                                DAY.toString(),
                                List.of(good, bad, alsoGood),
                                "--strategy",
                                "spotify"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.SOME_FAILED);
        assertThat(result.out())
                .contains(
                        "2 of 3 users stored", "1 failed", "failed: " + bad + ": no tracks found");
        assertThat(day(good, DAY).tracks()).hasSize(10);
        assertThat(day(alsoGood, DAY).tracks()).hasSize(10);
        FetchRun run = latestRun();
        assertThat(run.outcome().status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.outcome().usersFailed()).isEqualTo(1);
        assertThat(run.outcome().errorSummary()).startsWith(bad + ": no tracks found");
    }

    @Test
    void a_429_storm_with_short_retry_after_is_waited_out() {
        List<String> group = List.of(newUser(10), newUser(10), newUser(10), newUser(10));
        fake.rateLimitNext(6, Duration.ofSeconds(1));

        CliResult result = cli.run(runArgs(DAY.toString(), group));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("4 of 4 users stored", "6 answered 429");
        assertThat(fake.apiRequests()).filteredOn(c -> c.status() == 429).hasSize(6);
    }

    @Test
    void a_retry_after_beyond_the_budget_stops_the_run_at_once() {
        List<String> group = List.of(newUser(10), newUser(10), newUser(10));
        fake.rateLimitNext(50, Duration.ofHours(1));
        long start = System.nanoTime();

        CliResult result = cli.run(runArgs(DAY.toString(), group));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(result.out())
                .contains("stopped early: Spotify asks to wait 3600 s (Retry-After)");
        assertThat(fake.apiRequests()).filteredOn(c -> c.status() == 429).hasSize(1);
        FetchRun run = latestRun();
        assertThat(run.outcome().status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.outcome().errorSummary()).contains("stopped early", "2 users not fetched");
    }

    @Test
    void rejected_credentials_stop_the_run_with_exit_3_without_printing_the_secret() {
        String user = newUser(10);
        CliResult result =
                cli.with("SPOTIFY_CLIENT_SECRET", "wrong-secret-123")
                        .run(runArgs(DAY.toString(), List.of(user, newUser(5))));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(result.out())
                .contains("Spotify rejected the client credentials", "SPOTIFY_CLIENT_SECRET");
        assertThat(result.all()).doesNotContain("wrong-secret-123");
        assertThat(fake.tokenRequests()).hasSize(1);
    }

    @Test
    void the_spotify_strategy_on_a_development_mode_app_exits_3_and_suggests_search() {
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);
        CliResult result =
                cli.run(
                        runArgs(
                                DAY.toString(),
                                List.of(newUser(5), newUser(5)),
                                "--strategy",
                                "spotify"));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(result.out())
                .contains("no access to GET /v1/recommendations", "search or auto strategy");
        assertThat(fake.apiRequests())
                .filteredOn(c -> c.path().startsWith("/v1/recommendations"))
                .hasSize(1);
    }

    @Test
    void a_second_run_exits_3_while_the_lock_is_held() {
        String user = newUser(5);
        try (JobLock held = JobLock.tryAcquire(db.dataSource()).orElseThrow()) {
            CliResult result = cli.run(runArgs(DAY.toString(), List.of(user)));
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.UNAVAILABLE);
            assertThat(result.err())
                    .contains("another fetch run is in progress (lock held); exiting");
        }
        assertThat(lists.findDay(user, DAY)).isInstanceOf(DayLookup.NoList.class);
        assertThat(fake.apiRequests()).isEmpty();
    }

    @Test
    void a_dry_run_prints_the_lists_and_stores_nothing() {
        String user = newUser(3);
        int runsBefore = new FetchRunRepository(db.dsl()).latest(1000).size();

        CliResult result = cli.run(runArgs(DAY.toString(), List.of(user), "--dry-run"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(
                        user + " — " + DAY + " — 3 tracks (spotify)",
                        "   1. ",
                        "https://open.spotify.com/track/",
                        "dry run for " + DAY);
        assertThat(lists.findDay(user, DAY)).isInstanceOf(DayLookup.NoList.class);
        assertThat(new FetchRunRepository(db.dsl()).latest(1000)).hasSize(runsBefore);
    }

    @Test
    void a_spent_quota_stops_the_run_at_once_saying_until_when() {
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);
        List<String> group = List.of(newUser(5), newUser(5), newUser(5));
        fake.quotaExceededNext(1, java.time.Duration.ofSeconds(48_925));

        CliResult result = cli.run(runArgs(DAY.toString(), group));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).contains("QUOTA_EXCEEDED", "until about", "Retry-After 48925 s");
        assertThat(fake.apiRequests()).hasSize(1);
        assertThat(latestRun().outcome().errorSummary()).contains("QUOTA_EXCEEDED");
    }

    @Test
    void unknown_users_and_bad_options_exit_2() {
        UsersCommandsTest.assertUsage(
                cli.run("run", "--user", "ghost-" + names.incrementAndGet()),
                "no user named ghost-");
        UsersCommandsTest.assertUsage(cli.run("run", "--user", "Not Valid"), "invalid username");
        UsersCommandsTest.assertUsage(
                cli.run("run", "--date", "14/03/2025"), "expected a date as YYYY-MM-DD");
        UsersCommandsTest.assertUsage(
                cli.run("run", "--date", "2099-01-01"),
                "--date 2099-01-01 is more than 1 day after today",
                "accepted: any date up to");
        UsersCommandsTest.assertUsage(
                cli.run("run", "--strategy", "magic"), "expected auto, spotify, search or blend");
        UsersCommandsTest.assertUsage(cli.run("run", "--bogus"), "Unknown option: '--bogus'");
    }

    @Test
    void the_runs_command_lists_the_latest_runs() {
        String user = newUser(4);
        assertThat(cli.run(runArgs(DAY.toString(), List.of(user))).exitCode()).isZero();

        CliResult result = cli.run("runs", "--limit", "3");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(
                        "ID",
                        "DATE",
                        "STATUS",
                        "DURATION",
                        "REQUESTS",
                        "UNAVAILABLE",
                        DAY.toString(),
                        "succeeded",
                        "requests: S Spotify, R ReccoBeats, L Last.fm, M MusicBrainz");
        assertThat(result.out().lines().count()).isBetween(3L, 5L + 3L);
        String newest = result.out().lines().skip(1).findFirst().orElseThrow();
        assertThat(newest).matches(".*\\bS[1-9][0-9]* R0 L0 M0\\s+-$");
        assertThat(result.out().lines()).allMatch(line -> line.length() <= 120);
        UsersCommandsTest.assertUsage(cli.run("runs", "--limit", "0"), "--limit must be 1 to 1000");
    }

    @Test
    void the_runs_command_shows_the_sources_a_run_lacked() {
        FetchRunRepository runs = new FetchRunRepository(db.dsl());
        LocalDate date = LocalDate.of(2031, 1, 2);
        long id = runs.start(date, "blend", 2);
        runs.finish(
                id,
                new io.spotifyinsight.persistence.run.RunOutcome(
                        RunStatus.PARTIAL,
                        1,
                        1,
                        10,
                        "user x: Last.fm down",
                        new io.spotifyinsight.persistence.run.ServiceRequests(12, 30, 8, 2),
                        List.of("lastfm", "musicbrainz")));

        CliResult result = cli.run("runs", "--limit", "50");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String row =
                result.out().lines().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow();
        assertThat(row)
                .contains(
                        date.toString(), "partial", "1/1/2", "S12 R30 L8 M2", "lastfm,musicbrainz");
        assertThat(result.out()).contains("run " + id + " errors: user x: Last.fm down");
    }

    @Test
    void a_development_mode_user_with_one_genre_gets_the_whole_limit_from_more_than_two_pages() {
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);
        var catalog = fake.catalog();
        // the genre with the most tracks: enough for a list of 40, which pages of 10 give only from
        // page 5 on
        String genre =
                catalog.genres().stream()
                        .max(
                                java.util.Comparator.comparingInt(
                                        g ->
                                                catalog.artistsIn(g).stream()
                                                        .mapToInt(
                                                                a ->
                                                                        catalog.tracksBy(a.id())
                                                                                .size())
                                                        .sum()))
                        .orElseThrow();
        String name = "onegenre" + names.incrementAndGet();
        users.create(TestUsers.active(name, 40, TestUsers.genres(genre)));

        CliResult result = cli.run(runArgs(DAY.toString(), List.of(name)));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(day(name, DAY).tracks()).hasSize(40);
        assertThat(fake.apiRequests())
                .filteredOn(c -> c.path().startsWith("/v1/search"))
                .hasSizeGreaterThan(2)
                .allMatch(RunCommandTest::isOk);
    }

    @Test
    void auto_serves_a_user_whose_genre_recommendations_refuse_through_the_blend() {
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);
        var artist = fake.catalog().artists().get(names.get() % fake.catalog().artists().size());
        String name = "spacedgenre" + names.incrementAndGet();
        // the users commands accept "hip hop" (search takes any genre); /v1/recommendations does
        // not
        users.create(
                TestUsers.active(
                        name, 10, new Seeds(List.of(artist.id()), List.of("hip hop"), List.of())));

        CliResult result = cli.run(runArgs(DAY.toString(), List.of(name)));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.all()).doesNotContain("invalid settings");
        assertThat(day(name, DAY).strategy()).isEqualTo(Strategy.BLEND);
        assertThat(day(name, DAY).tracks()).isNotEmpty();
    }

    @Test
    void a_run_closes_the_row_of_a_killed_run_that_was_left_running() {
        FetchRunRepository runs = new FetchRunRepository(db.dsl());
        long killed = runs.start(DAY, "auto", 3); // what a SIGKILLed run leaves behind
        String user = newUser(5);

        CliResult result = cli.run(runArgs(DAY.toString(), List.of(user)));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        FetchRun abandoned =
                runs.latest(10).stream().filter(r -> r.id() == killed).findFirst().orElseThrow();
        assertThat(abandoned.outcome().status()).isEqualTo(RunStatus.FAILED);
        assertThat(abandoned.finishedAt()).isNotNull();
        assertThat(abandoned.outcome().errorSummary())
                .contains("ended without recording an outcome");
        assertThat(latestRun().outcome().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(cli.run("runs").out()).doesNotContain("running");
    }

    static ListAppender<ILoggingEvent> capture(Class<?> source) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(source)).addAppender(appender);
        return appender;
    }

    static void release(Class<?> source, ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(source)).detachAppender(appender);
    }

    static boolean isOk(RecordedCall call) {
        return call.status() == 200;
    }
}
