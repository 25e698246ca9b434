package io.spotifyinsight.spotify.fake;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link FakeSpotify} for a test class and closes it afterwards:
 *
 * <pre>{@code
 * @RegisterExtension static final FakeSpotifyExtension spotify = new FakeSpotifyExtension();
 * }</pre>
 *
 * <p>As a static field, one fake serves the whole class, and before each test it is put back as it
 * started (mode, latency, faults cleared, log emptied), so tests do not see each other's settings.
 * As an instance field, every test gets a fake of its own. Token lifetimes run on {@link #clock()},
 * which only a test moves: a test of expiry advances it instead of sleeping.
 */
public final class FakeSpotifyExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final UnaryOperator<FakeSpotify.Builder> options;
    private final MutableClock clock = new MutableClock();
    private FakeSpotify fake;
    private FakeSpotify.Mode startMode;
    private boolean perTest;

    /** A fake with the defaults: extended-quota mode, no latency, default credentials. */
    public FakeSpotifyExtension() {
        this(builder -> builder);
    }

    /**
     * A fake with {@code options} applied to its builder, e.g. {@code b -> b.mode(DEVELOPMENT)}.
     */
    public FakeSpotifyExtension(UnaryOperator<FakeSpotify.Builder> options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (fake == null) {
            perTest = true;
            start();
            return;
        }
        if (!perTest) {
            fake.setMode(startMode);
            fake.setLatency(Duration.ZERO);
            fake.clearFaults();
            fake.resetLog();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** The running fake; only between the extension's start and stop. */
    public FakeSpotify fake() {
        if (fake == null) {
            throw new IllegalStateException(
                    "the fake Spotify runs only while a test of the class runs");
        }
        return fake;
    }

    /** The clock the fake's tokens expire on. */
    public MutableClock clock() {
        return clock;
    }

    private void start() {
        fake = options.apply(FakeSpotify.builder().clock(clock)).start();
        startMode = fake.mode();
    }

    private void stop() {
        if (fake != null) {
            fake.close();
            fake = null;
        }
    }
}
