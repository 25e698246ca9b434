package io.spotifyinsight.spotify.fake;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Runs the fake Spotify as a process, so the fetcher can be tried and benchmarked end to end:
 *
 * <pre>
 * ./mvnw -q -pl spotify-client test-compile exec:java -Dexec.args="--port 8090 --mode development"
 * </pre>
 *
 * Prints the URLs and the {@code SPOTIFY_*} variables to export, then serves until interrupted.
 */
public final class FakeSpotifyMain {

    static final String USAGE =
            """
            usage: FakeSpotifyMain [options]
              --port N             port to listen on (default 8090; 0 = any free port)
              --host ADDRESS       address to bind (default 127.0.0.1; 0.0.0.0 inside containers)
              --mode MODE          extended (default) or development
              --latency-ms N       delay before every response (default 0)
              --rate-limit R       requests per second over a rolling 30 s window; 429 beyond
                                   (default 0 = off)
              --client-id ID       client id of the registered app (default %s)
              --client-secret S    its client secret (default %s)
              --token-lifetime-s N lifetime of issued tokens in seconds (default 3600)
              --empty-genres       artists have empty "genres" arrays (search by genre still works)
              --help               print this text
            """
                    .formatted(FakeSpotify.DEFAULT_CLIENT_ID, FakeSpotify.DEFAULT_CLIENT_SECRET);

    private FakeSpotifyMain() {}

    public static void main(String[] args) throws InterruptedException {
        FakeCommandLine.serve(
                args,
                USAGE,
                FakeSpotifyMain::parse,
                FakeSpotify.Builder::start,
                FakeSpotifyMain::printBanner,
                "fake-spotify-shutdown");
    }

    /** The options as a builder, or null when help was asked for. */
    static FakeSpotify.Builder parse(String[] args) {
        // a long-running process keeps only recent requests in memory
        FakeSpotify.Builder builder = FakeSpotify.builder().port(8090).logLimit(10_000);
        String clientId = FakeSpotify.DEFAULT_CLIENT_ID;
        String clientSecret = FakeSpotify.DEFAULT_CLIENT_SECRET;
        FakeCommandLine.Arguments options = new FakeCommandLine.Arguments(args, "--empty-genres");
        for (String option = options.next(); option != null; option = options.next()) {
            String value = options.value();
            switch (option) {
                case "--empty-genres" -> builder.emptyArtistGenres(true);
                case "--port" -> builder.port(FakeCommandLine.port(option, value));
                case "--host" -> builder.host(value);
                case "--mode" -> builder.mode(FakeCommandLine.mode(option, value));
                case "--latency-ms" ->
                        builder.latency(
                                Duration.ofMillis(
                                        FakeCommandLine.integer(option, value, 0, 600_000)));
                case "--rate-limit" -> builder.rateLimit(FakeCommandLine.decimal(option, value));
                case "--client-id" -> clientId = value;
                case "--client-secret" -> clientSecret = value;
                case "--token-lifetime-s" ->
                        builder.tokenLifetime(
                                Duration.ofSeconds(
                                        FakeCommandLine.integer(option, value, 1, 86_400)));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return options.helpAsked() ? null : builder.credentials(clientId, clientSecret);
    }

    static void printBanner(FakeSpotify fake, PrintStream out) {
        out.println(
                "Fake Spotify listening ("
                        + fake.mode()
                        + " mode, catalogue of "
                        + fake.catalog().artists().size()
                        + " artists and "
                        + fake.catalog().tracks().size()
                        + " tracks)");
        out.println("  Web API:        " + fake.apiUrl());
        out.println("  Token endpoint: " + fake.accountsUrl() + "/api/token");
        out.println("Export these to point a client at it:");
        FakeCommandLine.printExports(fake.env(), out);
    }
}
