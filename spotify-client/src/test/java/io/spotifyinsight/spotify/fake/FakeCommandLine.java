package io.spotifyinsight.spotify.fake;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What the fakes' {@code main}s share: the run from options to serving until stopped, the walk over
 * the arguments, the option values they parse alike, and the {@code export} lines they print.
 * Public for the fakes of the recommendation sources.
 */
public final class FakeCommandLine {

    private FakeCommandLine() {}

    /**
     * Parses {@code args} ({@code parse} answers null when help was asked for: the usage is printed
     * and nothing starts); a bad option prints the error and the usage and exits with status 2.
     * Otherwise starts the fakes, prints the banner, and serves until the JVM is stopped (Ctrl-C),
     * closing them on the way out.
     */
    public static <O, F extends AutoCloseable> void serve(
            String[] args,
            String usage,
            Function<String[], O> parse,
            Function<O, F> start,
            BiConsumer<F, PrintStream> banner,
            String shutdownThread)
            throws InterruptedException {
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(usage);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(usage);
            return;
        }
        F fakes = start.apply(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    close(fakes);
                                    stopped.countDown();
                                },
                                shutdownThread));
        banner.accept(fakes, System.out);
        stopped.await();
    }

    /** {@code --mode}: the Spotify app mode. */
    public static FakeSpotify.Mode mode(String option, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "extended", "extended_quota", "extended-quota" -> FakeSpotify.Mode.EXTENDED_QUOTA;
            case "development", "dev" -> FakeSpotify.Mode.DEVELOPMENT;
            default ->
                    throw new IllegalArgumentException(
                            option + " accepts extended or development, got '" + value + "'");
        };
    }

    /** A port to listen on; 0 picks a free one. */
    public static int port(String option, String value) {
        return integer(option, value, 0, 65_535);
    }

    /** A whole number from {@code min} to {@code max}. */
    public static int integer(String option, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(
                option
                        + " accepts a whole number from "
                        + min
                        + " to "
                        + max
                        + ", got '"
                        + value
                        + "'");
    }

    /** A finite number >= 0. */
    public static double decimal(String option, String value) {
        try {
            double parsed = Double.parseDouble(value);
            if (parsed >= 0 && !Double.isInfinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " accepts a number >= 0, got '" + value + "'");
    }

    /** One {@code export NAME='value'} line per variable, then how to stop. */
    public static void printExports(Map<String, String> env, PrintStream out) {
        env.forEach((name, value) -> out.println("  export " + name + "='" + value + "'"));
        out.println("Stop with Ctrl-C.");
        out.flush();
    }

    /**
     * A fake's command-line options in order: {@code --name value} pairs, and flags that take no
     * value. {@code --help} or {@code -h} ends the walk: see {@link #helpAsked()}. Not thread-safe.
     */
    public static final class Arguments {
        private final String[] args;
        private final Set<String> flags;
        private int position;
        private String value;
        private boolean helpAsked;

        /**
         * @param flags the options that take no value
         */
        public Arguments(String[] args, String... flags) {
            this.args = args;
            this.flags = Set.of(flags);
        }

        /**
         * The next option's name with its value read, or null after the last one or at help.
         *
         * @throws IllegalArgumentException when an option that takes a value is the last argument
         */
        public String next() {
            if (position >= args.length || helpAsked) {
                return null;
            }
            String option = args[position++];
            value = null;
            if (option.equals("--help") || option.equals("-h")) {
                helpAsked = true;
                return null;
            }
            if (!flags.contains(option)) {
                if (position >= args.length) {
                    throw new IllegalArgumentException("missing value for " + option);
                }
                value = args[position++];
            }
            return option;
        }

        /** The value of the option {@link #next} returned; null for a flag. */
        public String value() {
            return value;
        }

        /** Whether the walk ended at {@code --help} or {@code -h}: the usage is all to print. */
        public boolean helpAsked() {
            return helpAsked;
        }
    }

    private static void close(AutoCloseable fakes) {
        try {
            fakes.close();
        } catch (Exception e) {
            System.err.println("could not stop the fakes cleanly: " + e);
        }
    }
}
