package io.spotifyinsight.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.persistence.user.UserRepository;
import io.spotifyinsight.spotify.fake.FakeSpotify;
import io.spotifyinsight.spotify.fake.FakeSpotifyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The users commands, in-process against a real PostgreSQL and the fake Spotify (for the genre
 * check).
 */
class UsersCommandsTest {
    @RegisterExtension static final TestDatabase db = new TestDatabase();
    @RegisterExtension static final FakeSpotifyExtension spotify = new FakeSpotifyExtension();
    FakeSpotify fake;
    InProcessCli cli;
    InProcessCli noSpotify;

    @BeforeEach
    void setUp() {
        fake = spotify.fake();
        cli = new InProcessCli(InProcessCli.merge(db.env(), fake.env()));
        noSpotify = new InProcessCli(db.env());
    }

    private String artist() {
        return fake.catalog().someArtistId();
    }

    @Test
    void add_list_show_update_disable_enable_remove() {
        CliResult added =
                cli.run(
                        "users",
                        "add",
                        "alice",
                        "--artist",
                        "spotify:artist:" + artist(),
                        "--genre",
                        "Jazz",
                        "--track",
                        "https://open.spotify.com/track/" + fake.catalog().someTrackId(),
                        "--market",
                        "se",
                        "--limit",
                        "30");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.out())
                .contains(
                        "added alice", "market SE", "limit 30", "genre:jazz", "artist:" + artist());

        CliResult list = noSpotify.run("users", "list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("USERNAME", "alice", "active", "SE", "30");

        CliResult show = noSpotify.run("users", "show", "alice");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out())
                .contains("https://open.spotify.com/artist/" + artist(), "latest list: none yet");

        CliResult update =
                cli.run(
                        "users",
                        "update",
                        "alice",
                        "--genre",
                        "soul",
                        "--no-market",
                        "--limit",
                        "5");
        assertThat(update.exitCode()).as(update.toString()).isZero();
        var stored = new UserRepository(db.dsl()).find("alice").orElseThrow();
        assertThat(stored.settings().seeds().genres()).containsExactly("soul");
        assertThat(stored.settings().seeds().artists()).isEmpty();
        assertThat(stored.settings().market()).isNull();
        assertThat(stored.settings().trackLimit()).isEqualTo(5);

        assertThat(noSpotify.run("users", "disable", "alice").exitCode()).isZero();
        assertThat(new UserRepository(db.dsl()).find("alice").orElseThrow().settings().active())
                .isFalse();
        assertThat(noSpotify.run("users", "enable", "alice").exitCode()).isZero();
        assertThat(new UserRepository(db.dsl()).find("alice").orElseThrow().settings().active())
                .isTrue();

        CliResult removed = noSpotify.run("users", "remove", "alice");
        assertThat(removed.exitCode()).isZero();
        assertThat(new UserRepository(db.dsl()).find("alice")).isEmpty();
    }

    @Test
    void exclusions_are_added_in_every_form_shown_replaced_per_kind_and_cleared() {
        var catalog = fake.catalog();
        String artist1 = catalog.artists().get(1).id();
        String artist2 = catalog.artists().get(2).id();
        String artist3 = catalog.artists().get(3).id();
        String track1 = catalog.tracks().get(1).id();
        String track2 = catalog.tracks().get(2).id();
        CliResult added =
                cli.run(
                        "users",
                        "add",
                        "frank",
                        "--genre",
                        "jazz",
                        "--exclude-artist",
                        artist1,
                        "--exclude-artist",
                        "spotify:artist:" + artist2,
                        "--exclude-track",
                        "https://open.spotify.com/intl-de/track/" + track1 + "?si=abc123",
                        "--exclude-track",
                        "https://open.spotify.com/track/" + track2);
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.out()).contains("excluded 2 artists, 2 tracks");
        var stored = new UserRepository(db.dsl()).find("frank").orElseThrow();
        assertThat(stored.settings().exclusions().artists())
                .containsExactlyInAnyOrder(artist1, artist2);
        assertThat(stored.settings().exclusions().tracks())
                .containsExactlyInAnyOrder(track1, track2);

        CliResult show = noSpotify.run("users", "show", "frank");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out())
                .contains(
                        "excluded:",
                        "artist " + artist1,
                        "artist " + artist2,
                        "track  " + track1,
                        "https://open.spotify.com/track/" + track2);
        assertThat(noSpotify.run("users", "list").out())
                .contains("EXCLUDED", "2 artists, 2 tracks");

        CliResult artistsOnly =
                noSpotify.run(
                        "users",
                        "update",
                        "frank",
                        "--exclude-artist",
                        "https://open.spotify.com/artist/" + artist3);
        assertThat(artistsOnly.exitCode()).as(artistsOnly.toString()).isZero();
        stored = new UserRepository(db.dsl()).find("frank").orElseThrow();
        assertThat(stored.settings().exclusions().artists()).containsExactly(artist3);
        assertThat(stored.settings().exclusions().tracks())
                .containsExactlyInAnyOrder(track1, track2);

        CliResult otherChange = noSpotify.run("users", "update", "frank", "--limit", "12");
        assertThat(otherChange.exitCode()).as(otherChange.toString()).isZero();
        stored = new UserRepository(db.dsl()).find("frank").orElseThrow();
        assertThat(stored.settings().exclusions().artists()).containsExactly(artist3);
        assertThat(stored.settings().exclusions().tracks()).hasSize(2);

        CliResult tracksOnly =
                noSpotify.run(
                        "users", "update", "frank", "--exclude-track", "spotify:track:" + track1);
        assertThat(tracksOnly.exitCode()).as(tracksOnly.toString()).isZero();
        stored = new UserRepository(db.dsl()).find("frank").orElseThrow();
        assertThat(stored.settings().exclusions().artists()).containsExactly(artist3);
        assertThat(stored.settings().exclusions().tracks()).containsExactly(track1);

        CliResult cleared = noSpotify.run("users", "update", "frank", "--no-excludes");
        assertThat(cleared.exitCode()).as(cleared.toString()).isZero();
        assertThat(
                        new UserRepository(db.dsl())
                                .find("frank")
                                .orElseThrow()
                                .settings()
                                .exclusions()
                                .isEmpty())
                .isTrue();
        assertThat(noSpotify.run("users", "show", "frank").out()).contains("excluded: none");
    }

    /** {@code users add NAME --genre jazz OPTION VALUE}: a jazz alias with one exclusion. */
    private CliResult addJazzExcluding(String name, String option, String value) {
        return cli.run("users", "add", name, "--genre", "jazz", option, value);
    }

    @Test
    void bad_exclusions_exit_2_and_store_nothing() {
        String artist = artist();
        String track = fake.catalog().someTrackId();
        assertUsage(
                addJazzExcluding(
                        "wrongkind", "--exclude-artist", "https://open.spotify.com/track/" + track),
                "--exclude-artist",
                "names a track",
                "artist");
        assertUsage(
                addJazzExcluding("wrongkind", "--exclude-track", "spotify:artist:" + artist),
                "--exclude-track",
                "names an artist, not a track");
        assertUsage(
                addJazzExcluding("badexcl", "--exclude-track", "abc"),
                "--exclude-track: not a Spotify track id: 'abc'",
                "22-character id",
                "spotify:track:<id> URI",
                "https://open.spotify.com/track/<id> link");
        assertUsage(
                cli.run(
                        "users",
                        "add",
                        "seedclash",
                        "--artist",
                        artist,
                        "--exclude-artist",
                        "spotify:artist:" + artist),
                "artist " + artist + " is both a seed (--artist) and excluded (--exclude-artist)");
        assertUsage(
                cli.run("users", "add", "seedclash", "--track", track, "--exclude-track", track),
                "track " + track + " is both a seed (--track) and excluded (--exclude-track)");
        assertThat(new UserRepository(db.dsl()).find("wrongkind")).isEmpty();
        assertThat(new UserRepository(db.dsl()).find("badexcl")).isEmpty();
        assertThat(new UserRepository(db.dsl()).find("seedclash")).isEmpty();

        assertThat(addJazzExcluding("grace", "--exclude-artist", artist).exitCode()).isZero();
        assertUsage(
                noSpotify.run(
                        "users", "update", "grace", "--no-excludes", "--exclude-track", track),
                "--no-excludes and --exclude-artist/--exclude-track exclude each other");
        assertUsage(
                noSpotify.run("users", "update", "grace", "--artist", artist),
                "is both a seed (--artist) and excluded (--exclude-artist)");
        var stored = new UserRepository(db.dsl()).find("grace").orElseThrow();
        assertThat(stored.settings().exclusions().artists()).containsExactly(artist);
        assertThat(stored.settings().seeds().genres()).containsExactly("jazz");
    }

    @Test
    void bad_arguments_exit_2_with_a_message_that_says_what_is_accepted() {
        assertUsage(
                cli.run("users", "add", "Bad Name", "--genre", "jazz"),
                "invalid username",
                "lower-case letters");
        assertUsage(cli.run("users", "add", "nobody"), "1 to 5 seeds", "give at least one");
        assertUsage(
                cli.run(
                        "users", "add", "many", "--genre", "jazz", "--genre", "soul", "--genre",
                        "funk", "--genre", "rock", "--genre", "pop", "--genre", "blues"),
                "1 to 5 seeds");
        assertUsage(
                cli.run("users", "add", "badid", "--artist", "not-an-id"),
                "not a Spotify artist id",
                "spotify:artist:");
        assertUsage(
                cli.run(
                        "users",
                        "add",
                        "kind",
                        "--artist",
                        "spotify:track:" + fake.catalog().someTrackId()),
                "names a track, not an artist");
        assertUsage(
                cli.run("users", "add", "limit", "--genre", "jazz", "--limit", "101"), "1 to 100");
        assertUsage(
                cli.run("users", "add", "limit0", "--genre", "jazz", "--limit", "0"), "1 to 100");
        assertUsage(
                cli.run("users", "add", "mkt", "--genre", "jazz", "--market", "Sweden"),
                "invalid market");
        assertUsage(
                cli.run("users", "add", "lim", "--genre", "jazz", "--limit", "many"),
                "expected a whole number from 1 to 100, got 'many'");
        assertUsage(
                cli.run("runs", "--limit", "all"),
                "expected a whole number from 1 to 1000, got 'all'");
        assertUsage(cli.run("users", "show", "nobody-here"), "no user named 'nobody-here'");
        assertUsage(cli.run("users", "remove", "nobody-here"), "no user named");
        assertUsage(cli.run("users", "update", "nobody-here", "--limit", "3"), "no user named");
        assertUsage(cli.run("users", "update", "nobody-here"), "nothing to change");
        assertUsage(cli.run("users"), "Missing subcommand");
        assertUsage(cli.run("users", "frobnicate"), "Unmatched argument");
    }

    @Test
    void a_taken_username_is_a_usage_error() {
        assertThat(cli.run("users", "add", "bob", "--genre", "jazz").exitCode()).isZero();
        assertUsage(
                cli.run("users", "add", "bob", "--genre", "soul"),
                "already exists",
                "users update bob");
    }

    @Test
    void genres_are_checked_against_spotify_when_the_endpoint_answers() {
        CliResult typo = cli.run("users", "add", "carol", "--genre", "hip-hopp");
        assertUsage(
                typo, "'hip-hopp' is not one of Spotify's 126 genre seeds", "did you mean hip-hop");
        assertThat(new UserRepository(db.dsl()).find("carol")).isEmpty();
    }

    @Test
    void the_genre_check_is_skipped_with_a_note_in_development_mode_and_without_credentials() {
        fake.setMode(FakeSpotify.Mode.DEVELOPMENT);
        CliResult dev = cli.run("users", "add", "dave", "--genre", "indie folk");
        assertThat(dev.exitCode()).as(dev.toString()).isZero();
        assertThat(dev.err()).contains("genre check skipped", "development mode");

        CliResult offline = noSpotify.run("users", "add", "erin", "--genre", "jazz");
        assertThat(offline.exitCode()).as(offline.toString()).isZero();
        assertThat(offline.err())
                .contains("not checked", "SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET are not set");
    }

    @Test
    void every_users_command_has_help() {
        for (String command :
                new String[] {"add", "list", "show", "update", "remove", "disable", "enable"}) {
            CliResult help = noSpotify.run("users", command, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("Usage:", "Exit codes:");
        }
    }

    @Test
    void add_and_update_help_lists_the_options_declared_in_code() {
        for (String command : new String[] {"add", "update"}) {
            assertThat(noSpotify.run("users", command, "--help").out())
                    .contains(
                            "--artist=ID|URI|URL",
                            "--track=ID|URI|URL",
                            "--exclude-artist=ID|URI|URL",
                            "--exclude-track=ID|URI|URL",
                            "--market=CC",
                            "--limit=N",
                            "(repeatable): a 22-character id, spotify:");
        }
        assertThat(noSpotify.run("users", "add", "--help").out())
                .contains("Tracks per day, 1 to 100 (default: 20).");
        assertThat(noSpotify.run("users", "update", "--help").out())
                .contains("New number of tracks per day, 1 to 100.");
    }

    static void assertUsage(CliResult result, String... fragments) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).as(result.toString()).contains(fragments);
    }
}
