package io.spotifyinsight.web.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by its chromedriver, both found at fixed paths (overridable
 * with {@code CHROMIUM_BINARY} / {@code CHROMEDRIVER}) so Selenium Manager never downloads
 * anything. Keeps what the browser logged (console messages, DevTools network events) until a test
 * {@link #take()}s it.
 *
 * <p>Name resolution inside the browser fails for every host but loopback: a test can neither reach
 * the internet nor depend on it, and what the page asks for still shows in the network events.
 */
final class HeadlessChromium implements AutoCloseable {
    static final String SKIP_VARIABLE = "SPOTIFY_INSIGHT_SKIP_BROWSER_TESTS";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final List<LogEntry> console = new ArrayList<>();
    private final List<JsonNode> network = new ArrayList<>();

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /**
     * Starts the browser, or aborts the calling test class when {@value #SKIP_VARIABLE} is true;
     * fails with install instructions when Chromium or its driver is missing.
     */
    static HeadlessChromium start(Map<String, String> env) {
        Assumptions.assumeFalse(
                "true".equalsIgnoreCase(env.get(SKIP_VARIABLE)),
                "browser tests skipped: " + SKIP_VARIABLE + "=true");
        Path binary = executable(env, "CHROMIUM_BINARY", "/usr/bin/chromium");
        Path chromedriver = executable(env, "CHROMEDRIVER", "/usr/bin/chromedriver");
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(binary)) {
            missing.add("chromium at " + binary + source(env, "CHROMIUM_BINARY"));
        }
        if (!Files.isExecutable(chromedriver)) {
            missing.add("chromedriver at " + chromedriver + source(env, "CHROMEDRIVER"));
        }
        if (!missing.isEmpty()) {
            throw new AssertionError(
                    "The browser tests need headless Chromium and its driver; not executable: "
                            + String.join(", ", missing)
                            + ". Install them with `apt-get install chromium chromium-driver`"
                            + " (.ci/run does), or set "
                            + SKIP_VARIABLE
                            + "=true to skip these tests.");
        }

        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-extensions",
                "--hide-scrollbars",
                "--lang=en-US");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        logging.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(chromedriver.toFile())
                        .usingAnyFreePort()
                        .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage()
                .timeouts()
                .pageLoadTimeout(Duration.ofSeconds(20))
                .scriptTimeout(Duration.ofSeconds(10));
        return new HeadlessChromium(driver);
    }

    private static Path executable(Map<String, String> env, String variable, String defaultPath) {
        String configured = env.get(variable);
        return Path.of(configured == null || configured.isBlank() ? defaultPath : configured);
    }

    private static String source(Map<String, String> env, String variable) {
        String configured = env.get(variable);
        return configured == null || configured.isBlank()
                ? " (the default; " + variable + " sets another path)"
                : " (from " + variable + ")";
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Everything logged since the last {@link #take()}, kept for the next one. */
    Activity seen() {
        pull();
        return new Activity(List.copyOf(console), List.copyOf(network));
    }

    /** Everything logged since the last call. */
    Activity take() {
        pull();
        Activity activity = new Activity(List.copyOf(console), List.copyOf(network));
        console.clear();
        network.clear();
        return activity;
    }

    private void pull() {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                network.add(JSON.readTree(entry.getMessage()).path("message"));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "unreadable performance log entry: " + entry.getMessage(), e);
            }
        }
    }

    /** The whole page (not only the viewport) as a PNG. */
    void screenshot(Path file) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> content = (Map<String, Number>) metrics.get("cssContentSize");
        @SuppressWarnings("unchecked")
        Map<String, Number> viewport = (Map<String, Number>) metrics.get("cssLayoutViewport");
        int width =
                Math.max(content.get("width").intValue(), viewport.get("clientWidth").intValue());
        int height =
                Math.max(content.get("height").intValue(), viewport.get("clientHeight").intValue());
        Map<String, Object> clip =
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        Map<String, Object> shot =
                driver.executeCdpCommand(
                        "Page.captureScreenshot",
                        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /**
     * Console messages and DevTools events ({@code {method, params}}) in the order the browser
     * logged them.
     */
    record Activity(List<LogEntry> console, List<JsonNode> events) {
        List<String> requestedUrls() {
            return events.stream()
                    .filter(e -> e.path("method").asText().equals("Network.requestWillBeSent"))
                    .map(e -> e.path("params").path("request").path("url").asText())
                    .toList();
        }

        /**
         * The status the document at {@code url} was answered with, or null when it was not loaded.
         */
        Integer documentStatus(String url) {
            return events.stream()
                    .filter(e -> e.path("method").asText().equals("Network.responseReceived"))
                    .map(e -> e.path("params"))
                    .filter(
                            p ->
                                    p.path("type").asText().equals("Document")
                                            && p.path("response").path("url").asText().equals(url))
                    .map(p -> p.path("response").path("status").asInt())
                    .filter(Objects::nonNull)
                    .reduce((first, second) -> second)
                    .orElse(null);
        }
    }
}
