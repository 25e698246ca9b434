package io.spotifyinsight.sources.fake;

import io.spotifyinsight.spotify.fake.FakeCommandLine;
import io.spotifyinsight.spotify.fake.FakeSpotify;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the fake Spotify and the fakes of ReccoBeats, Last.fm and MusicBrainz as one process, over
 * one catalogue, so the fetcher can be tried end to end:
 *
 * <pre>
 * ./mvnw -q -pl spotify-client test-compile exec:java \
 *     -Dexec.mainClass=io.spotifyinsight.sources.fake.FakeSourcesMain \
 *     -Dexec.args="--mode development --empty-genres"
 * </pre>
 *
 * Prints the {@code export} lines for {@code SPOTIFY_*}, {@code RECCOBEATS_API_URL}, {@code
 * LASTFM_API_URL}, {@code LASTFM_API_KEY} and {@code MUSICBRAINZ_API_URL}, then serves until
 * interrupted.
 */
public final class FakeSourcesMain {

    static final String USAGE =
            """
            usage: FakeSourcesMain [options]
              --spotify-port N      fake Spotify port (default 8090; 0 = any free port)
              --reccobeats-port N   fake ReccoBeats port (default 8091; 0 = any free port)
              --lastfm-port N       fake Last.fm port (default 8092; 0 = any free port)
              --musicbrainz-port N  fake MusicBrainz port (default 8093; 0 = any free port)
              --host ADDRESS        address to bind (default 127.0.0.1; 0.0.0.0 inside containers)
              --mode MODE           Spotify app mode: extended (default) or development
              --empty-genres        Spotify artists have empty "genres" arrays
              --lastfm-key KEY      the Last.fm API key the fake accepts (default %s)
              --help                print this text
            """
                    .formatted(FakeLastFm.VALID_KEY);

    /** The parsed options. */
    record Options(
            int spotifyPort,
            int reccoBeatsPort,
            int lastFmPort,
            int musicBrainzPort,
            String host,
            FakeSpotify.Mode mode,
            boolean emptyGenres,
            String lastFmKey) {}

    /** The four running fakes; closing stops them all. */
    record Running(
            FakeSpotify spotify,
            FakeReccoBeats reccoBeats,
            FakeLastFm lastFm,
            FakeMusicBrainz musicBrainz)
            implements AutoCloseable {

        /** Every variable a process needs to use these fakes. */
        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>(spotify.env());
            env.put("RECCOBEATS_API_URL", reccoBeats.url());
            env.put("LASTFM_API_URL", lastFm.url());
            env.put("LASTFM_API_KEY", lastFm.apiKey());
            env.put("MUSICBRAINZ_API_URL", musicBrainz.url());
            return env;
        }

        @Override
        public void close() {
            musicBrainz.close();
            lastFm.close();
            reccoBeats.close();
            spotify.close();
        }
    }

    private FakeSourcesMain() {}

    public static void main(String[] args) throws InterruptedException {
        FakeCommandLine.serve(
                args,
                USAGE,
                FakeSourcesMain::parse,
                FakeSourcesMain::start,
                FakeSourcesMain::printBanner,
                "fake-sources-shutdown");
    }

    static Running start(Options options) {
        FakeSpotify spotify =
                FakeSpotify.builder()
                        .port(options.spotifyPort())
                        .host(options.host())
                        .mode(options.mode())
                        .emptyArtistGenres(options.emptyGenres())
                        .logLimit(10_000)
                        .start();
        FakeReccoBeats reccoBeats = null;
        FakeLastFm lastFm = null;
        try {
            reccoBeats =
                    FakeReccoBeats.builder(spotify.catalog())
                            .port(options.reccoBeatsPort())
                            .host(options.host())
                            .start();
            lastFm =
                    FakeLastFm.builder(spotify.catalog())
                            .port(options.lastFmPort())
                            .host(options.host())
                            .apiKey(options.lastFmKey())
                            .start();
            FakeMusicBrainz musicBrainz =
                    FakeMusicBrainz.builder(spotify.catalog())
                            .port(options.musicBrainzPort())
                            .host(options.host())
                            .start();
            return new Running(spotify, reccoBeats, lastFm, musicBrainz);
        } catch (RuntimeException e) {
            if (lastFm != null) {
                lastFm.close();
            }
            if (reccoBeats != null) {
                reccoBeats.close();
            }
            spotify.close();
            throw e;
        }
    }

    /** The options, or null when help was asked for. */
    static Options parse(String[] args) {
        int spotifyPort = 8090;
        int reccoBeatsPort = 8091;
        int lastFmPort = 8092;
        int musicBrainzPort = 8093;
        String host = "127.0.0.1";
        FakeSpotify.Mode mode = FakeSpotify.Mode.EXTENDED_QUOTA;
        boolean emptyGenres = false;
        String lastFmKey = FakeLastFm.VALID_KEY;
        FakeCommandLine.Arguments options = new FakeCommandLine.Arguments(args, "--empty-genres");
        for (String option = options.next(); option != null; option = options.next()) {
            String value = options.value();
            switch (option) {
                case "--empty-genres" -> emptyGenres = true;
                case "--spotify-port" -> spotifyPort = FakeCommandLine.port(option, value);
                case "--reccobeats-port" -> reccoBeatsPort = FakeCommandLine.port(option, value);
                case "--lastfm-port" -> lastFmPort = FakeCommandLine.port(option, value);
                case "--musicbrainz-port" -> musicBrainzPort = FakeCommandLine.port(option, value);
                case "--host" -> host = value;
                case "--mode" -> mode = FakeCommandLine.mode(option, value);
                case "--lastfm-key" -> {
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--lastfm-key must not be blank");
                    }
                    lastFmKey = value;
                }
                default ->
                        throw new IllegalArgumentException(
                                "unknown option " + option + " (--help lists the options)");
            }
        }
        if (options.helpAsked()) {
            return null;
        }
        return new Options(
                spotifyPort,
                reccoBeatsPort,
                lastFmPort,
                musicBrainzPort,
                host,
                mode,
                emptyGenres,
                lastFmKey);
    }

    static void printBanner(Running running, PrintStream out) {
        FakeSpotify spotify = running.spotify();
        out.println(
                "Fake Spotify ("
                        + spotify.mode()
                        + " mode"
                        + (spotify.emptyArtistGenres() ? ", empty artist genres" : "")
                        + ") and fake ReccoBeats, Last.fm and MusicBrainz listening, catalogue of "
                        + spotify.catalog().artists().size()
                        + " artists and "
                        + spotify.catalog().tracks().size()
                        + " tracks");
        out.println("Export these to point the fetcher at them:");
        FakeCommandLine.printExports(running.env(), out);
    }
}
