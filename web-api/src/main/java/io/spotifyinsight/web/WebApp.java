package io.spotifyinsight.web;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.spotifyinsight.web.page.PageController;
import io.spotifyinsight.web.error.JettyProblemHandler;
import io.spotifyinsight.web.http.Json;
import io.spotifyinsight.web.http.RequestIds;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Javalin application: server settings, the route table, error mapping and lifecycle, all declared
 * in {@code Javalin.create}. Stopping the app lets in-flight requests finish (up to the shutdown
 * timeout), then closes the pool and the metrics.
 */
public final class WebApp {
    private WebApp() {
    }

    public static Javalin create(WebDeps deps) {
        WebConfig config = deps.config();
        QueuedThreadPool threads = new QueuedThreadPool(config.maxThreads(), Math.min(8, config.maxThreads()));
        threads.setName("web");
        deps.metrics().bindThreadPool(threads);
        deps.metrics().bindPool(deps.database());
        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jsonMapper(new JavalinJackson(Json.mapper(), false));
            javalin.http.prefer405over404 = true;
            javalin.http.generateEtags = false;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            javalin.jetty.threadPool = threads;
            javalin.jetty.modifyServer(server -> {
                // GracefulHandler makes Server.stop wait for in-flight requests, up to the stop timeout.
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(config.shutdownTimeout().toMillis());
                server.setErrorHandler(new JettyProblemHandler(Json.mapper()));
            });
            javalin.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                // long paths reach the router (and get a 404 problem) instead of Jetty's 414 page
                http.setRequestHeaderSize(16 * 1024);
            });
            javalin.staticFiles.enableWebjars();
            javalin.requestLogger.http(deps.metrics()::record);
            javalin.events.serverStopped(() -> {
                deps.database().close();
                deps.metrics().close();
            });
            routes(javalin.routes, deps);
            deps.errors().register(javalin.routes);
        });
    }

    /**
     * On every answer: browsers must not guess another content type than the one sent (a JSON body
     * with a hostile title must never be read as HTML), and links out (to open.spotify.com) carry no
     * referrer, so an alias's name in our URLs does not leave the machine.
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
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(deps.metrics().scrape()));
        routes.get("/openapi.json", deps.docs()::openApi);
        routes.get("/docs", deps.docs()::page);
    }
}
