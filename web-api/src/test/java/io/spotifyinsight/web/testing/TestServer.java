package io.spotifyinsight.web.testing;

import io.javalin.Javalin;
import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.persistence.testing.TestDatabase;
import io.spotifyinsight.web.Main;
import io.spotifyinsight.web.WebApp;
import io.spotifyinsight.web.WebConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server (same wiring as {@code Main}) on a free port of 127.0.0.1, over a test database,
 * with a fixed clock: "today" is {@link #TODAY} in UTC. Requests go over real sockets with OkHttp,
 * and every exchange is checked against openapi.json ({@link OpenApiContract}): a test fails on the
 * first answer the document does not describe.
 *
 * <p>A test class that reads one server registers it as an extension, over a fresh database of its
 * own that holds what {@code store} put there before the server started:
 *
 * <pre>{@code
 * @RegisterExtension static final TestServer server = TestServer.withDatabase(Xxx::store);
 * static final TestDatabase db = server.database();
 * }</pre>
 *
 * <p>A test that starts and stops servers itself uses {@link #start(Map)}.
 */
public final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    public static final OpenApiContract CONTRACT = OpenApiContract.fromClasspath();

    private final OkHttpClient http =
            new OkHttpClient.Builder()
                    .readTimeout(30, TimeUnit.SECONDS)
                    .retryOnConnectionFailure(false)
                    .build();

    /** The extension's own database; null for a server started by {@link #start}. */
    private final TestDatabase db;

    private final Map<String, String> settings;
    private final Consumer<DSLContext> fixtures;
    private Javalin app;

    private TestServer(
            TestDatabase db, Map<String, String> settings, Consumer<DSLContext> fixtures) {
        this.db = db;
        this.settings = Map.copyOf(settings);
        this.fixtures = fixtures;
    }

    /**
     * The server of a test class (see above): before the class's tests, a fresh database is made,
     * {@code fixtures} store into it and the server starts over it; after them the server stops and
     * the database is dropped.
     */
    public static TestServer withDatabase(Consumer<DSLContext> fixtures) {
        return withDatabase(Map.of(), fixtures);
    }

    /** The same, with {@code settings} (environment variables) over the database's. */
    public static TestServer withDatabase(
            Map<String, String> settings, Consumer<DSLContext> fixtures) {
        return new TestServer(new TestDatabase(), settings, fixtures);
    }

    /** The database of a server made by {@link #withDatabase}, ready once the class starts. */
    public TestDatabase database() {
        return db;
    }

    /**
     * A server started now, which the caller closes; {@code env} holds DATABASE_* and overrides.
     */
    public static TestServer start(Map<String, String> env) {
        TestServer server = new TestServer(null, Map.of(), dsl -> {});
        server.startApp(env);
        return server;
    }

    /** The same, with {@code overrides} over {@code env}. */
    public static TestServer start(Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(overrides);
        return start(all);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        db.beforeAll(context);
        fixtures.accept(db.dsl());
        Map<String, String> env = new HashMap<>(db.env());
        env.putAll(settings);
        startApp(env);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (app != null) {
                close();
            }
        } finally {
            db.afterAll(context);
        }
    }

    private void startApp(Map<String, String> env) {
        Map<String, String> all =
                new HashMap<>(
                        Map.of(
                                "HOST",
                                "127.0.0.1",
                                "PORT",
                                "0",
                                "WEB_MIGRATE",
                                "false",
                                "DATABASE_POOL_SIZE",
                                "4"));
        all.putAll(env);
        WebConfig config = WebConfig.fromEnv(all);
        Database database = Database.open(config.database(), "web-test");
        Clock clock = Clock.fixed(Instant.parse(TODAY + "T12:00:00Z"), ZoneOffset.UTC);
        app = WebApp.create(Main.wire(config, database, clock));
        app.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public Response get(String path) {
        return call(new Request.Builder().url(url(path)).build());
    }

    /**
     * Sends the request and checks the exchange against openapi.json (an AssertionError if it
     * disagrees).
     */
    public Response call(Request request) {
        Response response;
        try {
            response = http.newCall(request).execute();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            CONTRACT.assertConforms(request, response);
        } catch (AssertionError e) {
            response.close();
            throw e;
        }
        return response;
    }

    public Request.Builder request(String path) {
        return new Request.Builder().url(url(path));
    }

    public Javalin app() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
