package io.spotifyinsight.web.e2e;

import static org.awaitility.Awaitility.await;

import io.spotifyinsight.persistence.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A real JVM process started by a test: {@code java -jar ...} or {@code java -cp ... Main}, with
 * its own environment (nothing inherited but PATH and HOME), stdout and stderr captured together in
 * a file, as a server's log reads.
 */
final class JavaProcess implements AutoCloseable {
    private final ChildJvm jvm;

    private JavaProcess(ChildJvm jvm) {
        this.jvm = jvm;
    }

    static JavaProcess start(String name, List<String> javaArgs, Map<String, String> env)
            throws IOException {
        return new JavaProcess(
                ChildJvm.start("e2e-" + name, javaArgs, env, ChildJvm.Output.MERGED));
    }

    /** Runs to completion (bounded) and returns the exit code and output. */
    static Result run(String name, List<String> javaArgs, Map<String, String> env, Duration timeout)
            throws Exception {
        try (JavaProcess process = start(name, javaArgs, env)) {
            ChildJvm.Result result = process.jvm.await(timeout);
            return new Result(result.exitCode(), result.out());
        }
    }

    record Result(int exitCode, String output) {}

    String output() {
        return jvm.out();
    }

    /**
     * Waits until the output satisfies {@code ready}; fails with the output when the process dies
     * or time runs out.
     */
    void awaitOutput(Predicate<String> ready, Duration timeout) throws InterruptedException {
        jvm.awaitOutput(ready, timeout);
    }

    /**
     * Waits until {@code baseUrl}/health answers 200; fails with the output when the process dies
     * or 60 s pass.
     */
    void awaitHealthy(String baseUrl) {
        OkHttpClient http = new OkHttpClient();
        Request health = new Request.Builder().url(baseUrl + "/health").build();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
                    .failFast("the process exited", () -> !isAlive())
                    .until(
                            () -> {
                                try (Response response = http.newCall(health).execute()) {
                                    return response.code() == 200;
                                }
                            });
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(
                    "web-api did not become healthy (" + e.getMessage() + "):\n" + output(), e);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    boolean isAlive() {
        return jvm.isAlive();
    }

    /** SIGTERM first: the web server shuts down gracefully. */
    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }

    /** The jar an earlier module of the reactor built, with a clear message when it is missing. */
    static Path jar(String module, String name) {
        Path jar = Path.of("..", module, "target", name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar
                            + " is missing: build it first (./mvnw -B verify from the repository"
                            + " root packages "
                            + module
                            + " before web-api)");
        }
        return jar;
    }

    static String testClasspath() {
        return System.getProperty("java.class.path");
    }
}
