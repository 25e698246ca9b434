package io.spotifyinsight.persistence.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real JVM started by a test, as cron or systemd start our jars: {@code java -jar ...} or {@code
 * java -cp ... Main}, with its own environment (nothing inherited but PATH and HOME) and its output
 * captured in temporary files, so that a chatty process never blocks on a full pipe.
 */
public final class ChildJvm implements AutoCloseable {
    /** Whether stderr goes to its own file or into stdout's, interleaved as a terminal shows it. */
    public enum Output {
        SEPARATE,
        MERGED
    }

    /** How a finished process ended; {@code err} is empty when the output was merged. */
    public record Result(int exitCode, String out, String err) {}

    private final String name;
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildJvm(String name, Process process, Path out, Path err) {
        this.name = name;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * @param name for messages and the names of the output files
     * @param javaArgs what follows {@code java}
     * @param env the process's environment besides PATH and HOME
     */
    public static ChildJvm start(
            String name, List<String> javaArgs, Map<String, String> env, Output output)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArgs);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> !key.equals("PATH") && !key.equals("HOME"));
        environment.putAll(env);
        Path out = Files.createTempFile(name + "-out-", ".log");
        builder.redirectOutput(out.toFile());
        Path err = null;
        if (output == Output.MERGED) {
            builder.redirectErrorStream(true);
        } else {
            err = Files.createTempFile(name + "-err-", ".log");
            builder.redirectError(err.toFile());
        }
        return new ChildJvm(name, builder.start(), out, err);
    }

    /** What the process printed on stdout so far (with stderr, when merged). */
    public String out() {
        return read(out);
    }

    /** What the process printed on stderr so far; empty when merged into {@link #out}. */
    public String err() {
        return err == null ? "" : read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Waits for the exit; a process still running after {@code limit} is killed and fails the test
     * with what it printed on stderr (or its merged output).
     */
    public Result await(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    name
                            + " did not finish within "
                            + limit.toSeconds()
                            + " s; "
                            + (err == null ? "output" : "stderr")
                            + ":\n"
                            + (err == null ? out() : err()));
        }
        return new Result(process.exitValue(), out(), err());
    }

    /**
     * Waits until stdout (or the merged output) satisfies {@code ready}; fails with that output
     * when the process dies or time runs out.
     */
    public void awaitOutput(Predicate<String> ready, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String text = out();
            if (ready.test(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(
                        name
                                + " exited with "
                                + process.exitValue()
                                + " before it was ready:\n"
                                + text);
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " was not ready within " + timeout + ":\n" + out());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as systemd or {@code kill} sends it. */
    public void terminate() {
        process.destroy();
    }

    /** Stops a process still running (SIGTERM, then SIGKILL after 15 s) and deletes its output. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            terminate(); // our executables shut down gracefully on SIGTERM
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        for (Path file : err == null ? List.of(out) : List.of(out, err)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file; the OS cleans up
            }
        }
    }
}
