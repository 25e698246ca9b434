package io.spotifyinsight.fetcher.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * What one class logs during each test, for tests that check a warning is given (or not):
 *
 * <pre>{@code
 * @RegisterExtension final CapturedLogs logs = new CapturedLogs(WebhookNotifier.class);
 * }</pre>
 */
public final class CapturedLogs implements BeforeEachCallback, AfterEachCallback {
    private final Class<?> source;
    private ListAppender<ILoggingEvent> appender;

    public CapturedLogs(Class<?> source) {
        this.source = source;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        appender = new ListAppender<>();
        appender.start();
        logger().addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger().detachAppender(appender);
    }

    /** Everything logged so far in this test. */
    public List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    /** What was logged at {@code level}. */
    public List<ILoggingEvent> at(Level level) {
        return events().stream().filter(e -> e.getLevel() == level).toList();
    }

    private Logger logger() {
        return (Logger) LoggerFactory.getLogger(source);
    }
}
