package io.spotifyinsight.fetcher;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shaded fetcher jar as a separate process ({@code java -jar fetcher-job.jar ...}), as cron
 * runs it: only the given environment, stdout and stderr captured to files.
 */
final class FetcherProcess {
    private final Process process;
    private final File out;
    private final File err;

    private FetcherProcess(Process process, File out, File err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static Path jar() {
        return Path.of(System.getProperty("fetcher.jar", "target/fetcher-job.jar"));
    }

    static FetcherProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        File out = Files.createTempFile("fetcher-out", ".txt").toFile();
        File err = Files.createTempFile("fetcher-err", ".txt").toFile();
        builder.redirectOutput(out).redirectError(err);
        return new FetcherProcess(builder.start(), out, err);
    }

    /** SIGTERM, as systemd or {@code kill} sends it. */
    void terminate() {
        process.destroy();
    }

    /**
     * Waits for the exit and returns what it printed; a process still running after {@code limit}
     * is killed.
     */
    CliResult await(Duration limit) throws IOException, InterruptedException {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(
                        "the fetcher did not finish within "
                                + limit.toSeconds()
                                + " s; stderr: "
                                + Files.readString(err.toPath(), StandardCharsets.UTF_8));
            }
            return new CliResult(
                    process.exitValue(),
                    Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            if (!process.isAlive()) {
                out.delete();
                err.delete();
            }
        }
    }
}
