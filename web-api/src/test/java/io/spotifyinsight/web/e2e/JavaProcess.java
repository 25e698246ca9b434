package io.spotifyinsight.web.e2e;

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
 * A real JVM process started by a test: {@code java -jar ...} or {@code java -cp ... Main}, with
 * its own environment (nothing inherited but PATH and HOME), its output captured in a file.
 */
final class JavaProcess implements AutoCloseable {
    private final Process process;
    private final Path output;
    private final String name;

    private JavaProcess(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    static JavaProcess start(String name, List<String> javaArgs, Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArgs);
        Path output = Files.createTempFile("e2e-" + name + "-", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> !key.equals("PATH") && !key.equals("HOME"));
        environment.putAll(env);
        return new JavaProcess(name, builder.start(), output);
    }

    /** Runs to completion (bounded) and returns the exit code and output. */
    static Result run(String name, List<String> javaArgs, Map<String, String> env, Duration timeout)
            throws Exception {
        try (JavaProcess process = start(name, javaArgs, env)) {
            if (!process.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(
                        name
                                + " did not finish within "
                                + timeout
                                + "; output:\n"
                                + process.output());
            }
            return new Result(process.process.exitValue(), process.output());
        }
    }

    record Result(int exitCode, String output) {}

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Waits until the output satisfies {@code ready}; fails with the output when the process dies
     * or time runs out.
     */
    void awaitOutput(Predicate<String> ready, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String text = output();
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
        throw new AssertionError(name + " was not ready within " + timeout + ":\n" + output());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: the web server shuts down gracefully
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(output);
        } catch (IOException ignored) {
            // a temp file; the OS cleans up
        }
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
