package io.spotifyinsight.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.web.testing.FreePort;
import io.spotifyinsight.web.testing.PageFixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in headless Chromium, served by the real web jar over a real PostgreSQL holding {@link
 * PageFixtures}. After every test: nothing logged at SEVERE but the covers that cannot load (the
 * browser resolves no host but loopback) and the status of error pages a test asked for, and no
 * request to anything but this server and the cover CDN. Screenshots go to {@code
 * target/screenshots/}.
 *
 * <p>The jar runs on the real clock, so the tests name dates explicitly, and {@code /u/alice} is
 * the newest list whatever today is.
 */
class PagesBrowserIT {
    /** The images that did not load, with what the page shows in their place. */
    private static final String BROKEN_IMAGES =
            """
            return Array.from(document.images).filter(i => i.naturalWidth === 0).map(i => {
              const r = i.getBoundingClientRect(), c = i.parentElement.getBoundingClientRect();
              return {img: i, src: i.src, after: getComputedStyle(i, '::after').content,
                      w: r.width, h: r.height, cw: c.width, ch: c.height,
                      placeholder: getComputedStyle(i.parentElement).backgroundColor};
            });\
            """;

    private static final String LEFT_EDGE = "return arguments[0].getBoundingClientRect().left";

    @RegisterExtension static final TestDatabase db = new TestDatabase(2);

    private static final String CDN = "https://i.scdn.co/";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(375, 812);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static JavaProcess web;
    private static HeadlessChromium browser;
    private static String base;

    private final Set<String> expectedErrorDocuments = new HashSet<>();

    @BeforeAll
    static void start() throws Exception {
        browser =
                HeadlessChromium.start(
                        System.getenv()); // first: it may skip the class, or fail for want of
        // Chromium
        PageFixtures.store(db.dsl());
        int port = FreePort.find();
        base = "http://127.0.0.1:" + port;
        Map<String, String> env = WebJar.listeningOn(port, db.env());
        env.put("WEB_MIGRATE", "false");
        env.put("APP_TIMEZONE", "UTC");
        web = JavaProcess.start("web-api-pages", WebJar.command(), env);
        web.awaitHealthy(base);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (web != null) {
                web.close();
            }
        }
    }

    @BeforeEach
    void desktopSize() {
        driver().manage().window().setSize(DESKTOP);
    }

    @AfterEach
    void noConsoleErrors_andNoRequestLeavesTheMachineButToTheCoverCdn() {
        HeadlessChromium.Activity activity = browser.take();
        assertThat(activity.console())
                .as("console messages at SEVERE (all messages: %s)", activity.console())
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filteredOn(e -> !expectedFailure(e))
                .isEmpty();
        assertThat(activity.requestedUrls())
                .isNotEmpty()
                .allSatisfy(
                        url ->
                                assertThat(
                                                url.startsWith(base + "/")
                                                        || url.startsWith(CDN)
                                                        || url.startsWith("data:"))
                                        .as("request to %s", url)
                                        .isTrue());
    }

    /**
     * A cover the offline browser cannot fetch, or the status of an error page the test visited on
     * purpose.
     */
    private boolean expectedFailure(LogEntry entry) {
        String message = entry.getMessage();
        if (message.startsWith(CDN) && message.contains(" - Failed to load resource: net::")) {
            return true;
        }
        return expectedErrorDocuments.stream()
                .anyMatch(
                        url ->
                                message.startsWith(
                                        url
                                                + " - Failed to load resource: "
                                                + "the server responded with a status of 4"));
    }

    @Test
    void dayPage_rendersEveryTrackWithItsTitle() {
        open(day(PageFixtures.FULL_DAY));
        assertThat(texts("h1")).containsExactly("alice");
        assertThat(shownDate()).isEqualTo(PageFixtures.FULL_DAY.toString());
        List<WebElement> rows = driver().findElements(By.cssSelector("ol.tracks > li.track"));
        assertThat(rows)
                .hasSize(20)
                .allSatisfy(
                        row -> {
                            assertThat(row.findElement(By.cssSelector(".title a")).getText())
                                    .isNotBlank();
                            assertThat(row.findElement(By.cssSelector(".artists")).getText())
                                    .isNotBlank();
                            assertThat(row.findElement(By.cssSelector(".duration")).getText())
                                    .matches("\\d+:\\d\\d");
                        });
        assertThat(texts("#tracks-heading")).containsExactly("20 tracks");
    }

    @Test
    void dayLinks_andMonthView_navigateBetweenDays() {
        open(day(PageFixtures.FULL_DAY));
        click("a[rel=next]");
        assertShowing(PageFixtures.SHORT_DAY, 5);
        assertThat(driver().findElements(By.cssSelector("a[rel=next]"))).isEmpty();
        click("a[rel=prev]");
        assertShowing(PageFixtures.FULL_DAY, 20);
        click("a[rel=prev]");
        assertShowing(PageFixtures.OLD_DAY, 3);
        click("a[rel=next]");
        assertShowing(PageFixtures.FULL_DAY, 20);

        // the calendar of March links the other day of that month, and the month before it
        driver().findElement(
                        By.xpath(
                                "//section[contains(@class,'month')]//td/a[text()='"
                                        + PageFixtures.SHORT_DAY.getDayOfMonth()
                                        + "']"))
                .click();
        assertShowing(PageFixtures.SHORT_DAY, 5);
        driver().findElement(By.partialLinkText("earlier month")).click();
        assertShowing(PageFixtures.OLD_DAY, 3);
        assertThat(
                        driver().findElement(By.cssSelector(".month strong[aria-current=date]"))
                                .getText())
                .isEqualTo(Integer.toString(PageFixtures.OLD_DAY.getDayOfMonth()));
    }

    @Test
    void frontPage_showsActiveAliases_andOpensTheNewestList() {
        open("/");
        assertThat(texts("ul.aliases .alias-name")).containsExactly("alice", "bob");
        assertThat(driver().getPageSource()).doesNotContain("carol");
        click("a.alias-link[href='/u/alice']");
        wait(ExpectedConditions.urlToBe(base + "/u/alice"));
        assertThat(texts("h1")).containsExactly("alice");
        assertThat(shownDate()).isEqualTo(PageFixtures.SHORT_DAY.toString());
        assertThat(driver().findElements(By.cssSelector("ol.tracks > li.track"))).hasSize(5);
    }

    @Test
    void unknownAlias_showsThe404Page_withALinkBackToTheFrontPage() {
        String url = base + "/u/nobody";
        expectedErrorDocuments.add(url);
        open("/u/nobody");
        assertThat(texts("h1")).containsExactly("Unknown alias");
        assertThat(driver().getTitle()).startsWith("Unknown alias");
        HeadlessChromium.Activity activity = browser.seen();
        assertThat(activity.documentStatus(url)).isEqualTo(404);
        driver().findElement(By.cssSelector(".error a")).click();
        wait(ExpectedConditions.urlToBe(base + "/"));
        assertThat(texts("h1")).containsExactly("Recommendation lists");
    }

    @Test
    void hostileTitle_showsAsText_andRunsNothing() {
        open(day(PageFixtures.SHORT_DAY));
        WebElement first = driver().findElement(By.cssSelector("ol.tracks > li.track"));
        assertThat(first.findElement(By.cssSelector(".title a")).getText())
                .isEqualTo(PageFixtures.HOSTILE_TITLE);
        assertThat(first.findElement(By.cssSelector(".artists")).getText())
                .isEqualTo("<img src=x onerror=alert(2)>");
        assertThatThrownBy(() -> driver().switchTo().alert())
                .isInstanceOf(NoAlertPresentException.class);
        assertThat(js("return document.scripts.length")).isEqualTo(0L);
        assertThat(js("return document.querySelectorAll('[onerror]').length")).isEqualTo(0L);
    }

    @Test
    void coversThatCannotLoad_showThePlaceholder_neverABrokenImage() throws IOException {
        for (String path : List.of("/", day(PageFixtures.SHORT_DAY), day(PageFixtures.FULL_DAY))) {
            for (Dimension size : List.of(DESKTOP, PHONE)) {
                driver().manage().window().setSize(size);
                open(path);
                awaitEveryImageSettled();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> broken = (List<Map<String, Object>>) js(BROKEN_IMAGES);
                assertThat(broken)
                        .as("covers on %s (the browser reaches no CDN)", path)
                        .isNotEmpty();
                for (int i = 0; i < broken.size(); i++) {
                    assertPlaceholder(path + " at " + size, broken.get(i), i < 3);
                }
            }
        }
        assertThat(browser.seen().requestedUrls()).anyMatch(url -> url.startsWith(CDN));
    }

    /** The failed cover keeps its reserved square, and its ::after hides the broken-image icon. */
    private static void assertPlaceholder(
            String where, Map<String, Object> cover, boolean lookAtPixels) throws IOException {
        String what = cover.get("src") + " on " + where;
        assertThat(cover.get("after")).as("::after of %s", what).isNotEqualTo("none");
        int width = ((Number) cover.get("w")).intValue();
        assertThat(width).as("cover box of %s", what).isIn(48, 64);
        assertThat(List.of(cover.get("h"), cover.get("cw"), cover.get("ch")))
                .as("cover box of %s", what)
                .allSatisfy(side -> assertThat(((Number) side).intValue()).isEqualTo(width));
        if (!lookAtPixels) {
            return;
        }
        // Chromium draws the broken-image icon in the top left corner: there only the placeholder
        // may show
        BufferedImage shot =
                ImageIO.read(
                        new ByteArrayInputStream(
                                ((WebElement) cover.get("img")).getScreenshotAs(OutputType.BYTES)));
        for (int y = 4; y < 20; y++) {
            for (int x = 4; x < 20; x++) {
                assertThat(rgb(shot.getRGB(x, y)))
                        .as("pixel (%d,%d) of %s", x, y, what)
                        .isEqualTo(cover.get("placeholder"));
            }
        }
    }

    @Test
    void dayPage_onAPhone_hasNoHorizontalScroll() {
        driver().manage().window().setSize(PHONE);
        for (String path : List.of(day(PageFixtures.FULL_DAY), day(PageFixtures.SHORT_DAY), "/")) {
            open(path);
            assertThat(((Number) js("return window.innerWidth")).intValue())
                    .isLessThanOrEqualTo(PHONE.width);
            assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue())
                    .as("page width of %s", path)
                    .isLessThanOrEqualTo(((Number) js("return window.innerWidth")).intValue());
        }
    }

    @Test
    void darkScheme_changesTheBackground() {
        open(day(PageFixtures.SHORT_DAY));
        String light = (String) js("return getComputedStyle(document.body).backgroundColor");
        try {
            emulateColorScheme("dark");
            String dark = (String) js("return getComputedStyle(document.body).backgroundColor");
            assertThat(dark).isNotEqualTo(light).isEqualTo("rgb(18, 19, 20)");
            awaitEveryImageSettled();
            browser.screenshot(SCREENSHOTS.resolve("desktop-day-dark.png"));
        } finally {
            emulateColorScheme("");
        }
        assertThat(js("return getComputedStyle(document.body).backgroundColor")).isEqualTo(light);
    }

    @Test
    void keyboardFocus_isVisible() {
        open(day(PageFixtures.SHORT_DAY));
        for (String expected : List.of("Skip to the list", "Spotify Insight", "Lists")) {
            new Actions(driver()).sendKeys(Keys.TAB).perform();
            WebElement focused = driver().switchTo().activeElement();
            assertThat(focused.getText()).isEqualTo(expected);
            assertThat(focused.getCssValue("outline-style"))
                    .as("outline of '%s'", expected)
                    .isNotEqualTo("none");
            assertThat(((Number) js(LEFT_EDGE, focused)).doubleValue())
                    .as("'%s' is on screen", expected)
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void screenshots_ofTheFrontPage_aDay_andThe404Page_onDesktopAndPhone() {
        expectedErrorDocuments.add(base + "/u/nobody");
        Map<String, String> pages =
                Map.of(
                        "front",
                        "/",
                        "day",
                        day(PageFixtures.SHORT_DAY),
                        "day-full",
                        day(PageFixtures.FULL_DAY),
                        "404",
                        "/u/nobody");
        for (Map.Entry<String, Dimension> size :
                Map.of("desktop", DESKTOP, "phone-375", PHONE).entrySet()) {
            driver().manage().window().setSize(size.getValue());
            pages.forEach(
                    (name, path) -> {
                        open(path);
                        awaitEveryImageSettled();
                        browser.screenshot(
                                SCREENSHOTS.resolve(size.getKey() + "-" + name + ".png"));
                    });
        }
        assertThat(SCREENSHOTS.resolve("phone-375-day.png")).isNotEmptyFile();
    }

    // --- helpers

    private static ChromeDriver driver() {
        return browser.driver();
    }

    private static String day(LocalDate date) {
        return "/u/alice/" + date;
    }

    private static void open(String path) {
        driver().get(base + path);
    }

    private static void click(String css) {
        driver().findElement(By.cssSelector(css)).click();
    }

    private static void assertShowing(LocalDate date, int tracks) {
        wait(ExpectedConditions.urlToBe(base + day(date)));
        assertThat(shownDate()).isEqualTo(date.toString());
        assertThat(driver().findElements(By.cssSelector("ol.tracks > li.track"))).hasSize(tracks);
    }

    private static String shownDate() {
        return driver().findElement(By.cssSelector(".day-date time")).getAttribute("datetime");
    }

    private static List<String> texts(String css) {
        return driver().findElements(By.cssSelector(css)).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(script, args);
    }

    private static void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(driver(), WAIT).until(condition);
    }

    /**
     * Lazy covers start loading once near the viewport: scroll through, then wait until each loaded
     * or failed.
     */
    private static void awaitEveryImageSettled() {
        js("window.scrollTo(0, document.documentElement.scrollHeight)");
        wait(d -> (Boolean) js("return Array.from(document.images).every(i => i.complete)"));
        js("window.scrollTo(0, 0)");
    }

    private static void emulateColorScheme(String value) {
        driver().executeCdpCommand(
                        "Emulation.setEmulatedMedia",
                        Map.of(
                                "features",
                                List.of(Map.of("name", "prefers-color-scheme", "value", value))));
    }

    private static String rgb(int argb) {
        return "rgb("
                + ((argb >> 16) & 0xff)
                + ", "
                + ((argb >> 8) & 0xff)
                + ", "
                + (argb & 0xff)
                + ")";
    }
}
