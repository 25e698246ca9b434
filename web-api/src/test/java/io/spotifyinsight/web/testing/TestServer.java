package io.spotifyinsight.web.testing;

import io.javalin.Javalin;
import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.web.Main;
import io.spotifyinsight.web.WebApp;
import io.spotifyinsight.web.WebConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The real server (same wiring as {@code Main}) on a free port of 127.0.0.1, over a test database,
 * with a fixed clock: "today" is {@link #TODAY} in UTC. Requests go over real sockets with OkHttp,
 * and every exchange is checked against openapi.json ({@link OpenApiContract}): a test fails on the
 * first answer the document does not describe.
 */
public final class TestServer implements AutoCloseable {
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    public static final OpenApiContract CONTRACT = OpenApiContract.fromClasspath();

    private final Javalin app;
    private final OkHttpClient http =
            new OkHttpClient.Builder()
                    .readTimeout(30, TimeUnit.SECONDS)
                    .retryOnConnectionFailure(false)
                    .build();

    private TestServer(Javalin app) {
        this.app = app;
    }

    /** {@code env} holds DATABASE_* and any overrides. */
    public static TestServer start(Map<String, String> env) {
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
        Javalin app = WebApp.create(Main.wire(config, database, clock));
        app.start();
        return new TestServer(app);
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
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
