package io.spotifyinsight.web.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.spotifyinsight.persistence.DatabaseTimeoutException;
import io.spotifyinsight.persistence.DatabaseUnavailableException;
import io.spotifyinsight.web.http.RequestIds;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: every error leaves as an RFC 9457 problem (or, for
 * a page request, as an HTML page saying the same). Expected answers (4xx) are logged at DEBUG in
 * one line; an unavailable database once at WARN when the outage starts, without a stack trace
 * ({@link DatabaseOutageLog}); anything else at ERROR with its stack trace and the request id,
 * while the client sees only a generic detail and that id (no exception text, SQL or stack trace).
 */
public final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private final ObjectMapper json;
    private final int retryAfterSeconds;
    private final Predicate<Context> isPage;
    private final Function<Problem, String> page;
    private final DatabaseOutageLog outage = new DatabaseOutageLog();

    /**
     * @param isPage whether a request is for an HTML page, whose errors are answered as pages
     * @param page renders a problem as an HTML page
     */
    public ErrorMapper(
            ObjectMapper json,
            int retryAfterSeconds,
            Predicate<Context> isPage,
            Function<Problem, String> page) {
        this.json = json;
        this.retryAfterSeconds = retryAfterSeconds;
        this.isPage = isPage;
        this.page = page;
    }

    public void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> respond(ctx, e));
        routes.exception(
                DatabaseUnavailableException.class, (e, ctx) -> databaseUnavailable(ctx, e));
        // a statement past DATABASE_QUERY_TIMEOUT_SECONDS: the server is overloaded, the client may
        // retry
        routes.exception(DatabaseTimeoutException.class, (e, ctx) -> databaseUnavailable(ctx, e));
        // Javalin's own answers: no route (404), wrong method (405), its validators (400).
        routes.exception(
                HttpResponseException.class, (e, ctx) -> respond(ctx, fromJavalin(e, ctx)));
        routes.exception(
                Exception.class,
                (e, ctx) -> {
                    log.error(
                            "unexpected error in {} {}",
                            ctx.method(),
                            RequestIds.printablePath(ctx),
                            e);
                    write(
                            ctx,
                            new Problem(
                                    "about:blank",
                                    "Internal server error",
                                    500,
                                    "The server failed to answer this request. Quote the request id"
                                            + " when you report it.",
                                    null,
                                    RequestIds.of(ctx)),
                            null);
                });
    }

    /**
     * Ends a database outage in the log (see {@link DatabaseOutageLog}): called after each request
     * to a route that reads the database; an answer below 400 there came from the database.
     */
    public void databaseAnswered(Context ctx) {
        if (ctx.statusCode() < 400) {
            outage.answered();
        }
    }

    private void databaseUnavailable(Context ctx, Exception e) {
        outage.failed(ctx.method() + " " + RequestIds.printablePath(ctx), e.getMessage());
        respond(
                ctx,
                ApiException.unavailable(
                        "The database is unreachable or did not answer in time. "
                                + "Retry after "
                                + retryAfterSeconds
                                + " seconds.",
                        retryAfterSeconds));
    }

    private ApiException fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 ->
                    ApiException.notFound(
                            "No route matches "
                                    + ctx.method()
                                    + " "
                                    + RequestIds.printablePath(ctx)
                                    + ". See /openapi.json or /docs for the routes.");
            case 405 ->
                    ApiException.methodNotAllowed(
                            ctx.method()
                                    + " is not allowed on "
                                    + RequestIds.printablePath(ctx)
                                    + "; this API is read-only: use GET.");
            default -> ApiException.badRequest("bad-request", e.getMessage());
        };
    }

    private void respond(Context ctx, ApiException e) {
        Problem problem = e.problem();
        if (problem.status() < 500) {
            // the client's mistake, not the server's: a scan of 404s at WARN would fill the disk.
            // /metrics counts them by route and status. (A 503 was logged with its cause already.)
            log.debug(
                    "{} {} -> {} {}",
                    ctx.method(),
                    RequestIds.printablePath(ctx),
                    problem.status(),
                    problem.title());
        }
        e.headers().forEach(ctx::header);
        write(ctx, problem.withRequestId(RequestIds.of(ctx)), e);
    }

    private void write(Context ctx, Problem problem, ApiException cause) {
        if (cause == null || cause.problem().status() != 405) {
            ctx.res().setHeader("Allow", null);
        }
        // An error must never be cached as if it were the list.
        ctx.header("Cache-Control", "no-store");
        ctx.res().setHeader("ETag", null);
        if (isPage.test(ctx)) {
            ctx.status(problem.status())
                    .contentType("text/html; charset=utf-8")
                    .result(page.apply(problem));
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException impossible) {
            body =
                    ("{\"title\":\"" + problem.title() + "\",\"status\":" + problem.status() + "}")
                            .getBytes(StandardCharsets.UTF_8);
        }
        ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(body);
    }
}
