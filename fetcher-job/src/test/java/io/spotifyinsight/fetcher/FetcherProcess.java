package io.spotifyinsight.fetcher;

import io.spotifyinsight.persistence.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shaded fetcher jar as a separate process ({@code java -jar fetcher-job.jar ...}), as cron
 * runs it: only the given environment, stdout and stderr captured apart.
 */
final class FetcherProcess {
    private final ChildJvm jvm;

    private FetcherProcess(ChildJvm jvm) {
        this.jvm = jvm;
    }

    static Path jar() {
        return Path.of(System.getProperty("fetcher.jar", "target/fetcher-job.jar"));
    }

    static FetcherProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> javaArgs = new ArrayList<>(List.of("-jar", jar().toString()));
        javaArgs.addAll(List.of(args));
        return new FetcherProcess(
                ChildJvm.start("fetcher", javaArgs, env, ChildJvm.Output.SEPARATE));
    }

    /** Starts the jar and returns what it printed, failing when it runs longer than 90 s. */
    static CliResult run(Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return start(env, args).await(Duration.ofSeconds(90));
    }

    /** SIGTERM, as systemd or {@code kill} sends it. */
    void terminate() {
        jvm.terminate();
    }

    /**
     * Waits for the exit and returns what it printed; a process still running after {@code limit}
     * is killed.
     */
    CliResult await(Duration limit) throws InterruptedException {
        try {
            ChildJvm.Result result = jvm.await(limit);
            return new CliResult(result.exitCode(), result.out(), result.err());
        } finally {
            jvm.close();
        }
    }
}
