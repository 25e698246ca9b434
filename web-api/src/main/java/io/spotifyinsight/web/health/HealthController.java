package io.spotifyinsight.web.health;

import io.javalin.http.Context;
import io.spotifyinsight.persistence.Database;

/**
 * GET /health: the process answers (liveness) and the database answers a trivial query (readiness).
 * 200 when both hold; 503 with Retry-After while the database is unreachable, which takes at most
 * the pool's connection timeout to find out. The body is the same health document either way, so
 * that a load balancer reads the status code and a person reads the body.
 */
public final class HealthController {
    private final Database database;
    private final String version;
    private final int retryAfterSeconds;

    public HealthController(Database database, String version, int retryAfterSeconds) {
        this.database = database;
        this.version = version;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public record Health(String status, String version, DatabaseHealth database) {}

    public record DatabaseHealth(String status, PoolView pool) {}

    public record PoolView(int active, int idle, int waiting, int max) {}

    public void health(Context ctx) {
        boolean up = database.isReachable();
        Database.PoolStats stats = database.poolStats();
        ctx.header("Cache-Control", "no-store");
        if (!up) {
            ctx.status(503).header("Retry-After", Integer.toString(retryAfterSeconds));
        }
        ctx.json(
                new Health(
                        up ? "up" : "down",
                        version,
                        new DatabaseHealth(
                                up ? "up" : "down",
                                new PoolView(
                                        stats.active(),
                                        stats.idle(),
                                        stats.waiting(),
                                        stats.max()))));
    }
}
