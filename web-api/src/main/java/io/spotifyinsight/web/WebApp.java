package io.spotifyinsight.web;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.spotifyinsight.web.error.JettyProblemHandler;
import io.spotifyinsight.web.http.Json;
import io.spotifyinsight.web.http.RequestIds;
import io.spotifyinsight.web.metrics.MetricsAccess;
import io.spotifyinsight.web.page.PageController;
import java.time.Duration;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Javalin application: server settings, the route table, error mapping and lifecycle, all
 * declared in {@code Javalin.create}. Stopping the app lets in-flight requests finish (up to the
 * shutdown timeout), then closes the pool and the metrics.
 */
public final class WebApp {
    /**
     * How long a connection may neither send nor receive. Longer than a request may wait for a
     * pooled connection and its statement (5 s + 10 s by default): a busy server answers 503, it
     * does not hang up on a client whose request is queued.
     */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);

    /** A mobile link does far better; a slow reader holding a thread does worse. */
    static final long MIN_RESPONSE_BYTES_PER_SECOND = 4 * 1024;

    static final long MIN_REQUEST_BYTES_PER_SECOND = 256;

    private WebApp() {}

    public static Javalin create(WebDeps deps) {
        WebConfig config = deps.config();
        QueuedThreadPool threads =
                new QueuedThreadPool(config.maxThreads(), Math.min(8, config.maxThreads()));
        threads.setName("web");
        deps.metrics().bindThreadPool(threads);
        deps.metrics().bindPool(deps.database());
        return Javalin.create(
                javalin -> {
                    javalin.startup.showJavalinBanner = false;
                    javalin.startup.showOldJavalinVersionWarning = false;
                    javalin.jsonMapper(new JavalinJackson(Json.mapper(), false));
                    javalin.http.prefer405over404 = true;
                    javalin.http.generateEtags = false;
                    javalin.jetty.host = config.host();
                    javalin.jetty.port = config.port();
                    javalin.jetty.threadPool = threads;
                    javalin.jetty.modifyServer(
                            server -> {
                                // GracefulHandler makes Server.stop wait for in-flight requests, up
                                // to the stop timeout.
                                server.setHandler(new GracefulHandler());
                                server.setStopTimeout(config.shutdownTimeout().toMillis());
                                server.setErrorHandler(new JettyProblemHandler(Json.mapper()));
                                // Javalin adds its connector after this hook: set its idle timeout
                                // as the server starts
                                server.addEventListener(
                                        new LifeCycle.Listener() {
                                            @Override
                                            public void lifeCycleStarting(LifeCycle event) {
                                                for (Connector connector : server.getConnectors()) {
                                                    if (connector
                                                            instanceof AbstractConnector jetty) {
                                                        jetty.setIdleTimeout(
                                                                IDLE_TIMEOUT.toMillis());
                                                    }
                                                }
                                            }
                                        });
                            });
                    javalin.jetty.modifyHttpConfiguration(
                            http -> {
                                http.setSendServerVersion(false);
                                // a client that stops reading (or sends its request a byte at a
                                // time) must not hold a
                                // thread: idle I/O ends after IDLE_TIMEOUT, a response drained
                                // slower than this rate fails
                                http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                                http.setMinResponseDataRate(MIN_RESPONSE_BYTES_PER_SECOND);
                                http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
                                // long paths reach the router (and get a 404 problem) instead of
                                // Jetty's 414 page
                                http.setRequestHeaderSize(16 * 1024);
                            });
                    javalin.staticFiles.enableWebjars();
                    javalin.requestLogger.http(deps.metrics()::record);
                    javalin.events.serverStopped(
                            () -> {
                                deps.database().close();
                                deps.metrics().close();
                            });
                    routes(javalin.routes, deps);
                    deps.errors().register(javalin.routes);
                });
    }

    /**
     * On every answer: browsers must not guess another content type than the one sent (a JSON body
     * with a hostile title must never be read as HTML), and links out (to open.spotify.com) carry
     * no referrer, so an alias's name in our URLs does not leave the machine.
     */
    static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    /** The route table. */
    private static void routes(RoutesConfig routes, WebDeps deps) {
        routes.before(RequestIds::assign);
        routes.before(WebApp::securityHeaders);
        routes.before("/", PageController::markAsPage);
        routes.before("/u/*", PageController::markAsPage);
        routes.get("/", deps.pages()::home);
        routes.get("/u/{username}", deps.pages()::latest);
        routes.get("/u/{username}/{date}", deps.pages()::day);
        routes.get("/assets/site.css", deps.pages()::stylesheet);
        routes.get("/assets/icon.svg", deps.pages()::icon);
        routes.get("/user-recommendations/{username}", deps.recommendations()::day);
        routes.get("/users", deps.users()::list);
        routes.get("/users/{username}/recommendations", deps.recommendations()::range);
        routes.get("/health", deps.health()::health);
        routes.before("/metrics", new MetricsAccess(deps.config().metricsToken()));
        routes.get(
                "/metrics",
                ctx ->
                        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(deps.metrics().scrape()));
        for (String readsTheDatabase :
                new String[] {
                    "/", "/u/*", "/user-recommendations/*", "/users", "/users/*", "/health"
                }) {
            routes.after(readsTheDatabase, deps.errors()::databaseAnswered);
        }
        routes.get("/openapi.json", deps.docs()::openApi);
        routes.get("/docs", deps.docs()::page);
    }
}
