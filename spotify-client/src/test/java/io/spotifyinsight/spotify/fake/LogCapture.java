package io.spotifyinsight.spotify.fake;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The lines a logger and those below it write, DEBUG and above, from {@link #debug} until {@link
 * #close()}, which restores the logger's level; {@link #messages()} stays readable after. For the
 * tests that check what the clients log (and never log). Public for the sources' tests.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level before;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        this.before = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    /** Starts capturing {@code loggerName}, e.g. {@code io.spotifyinsight.spotify}, at DEBUG. */
    public static LogCapture debug(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** The formatted messages captured so far, oldest first. */
    public List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(before);
    }
}
