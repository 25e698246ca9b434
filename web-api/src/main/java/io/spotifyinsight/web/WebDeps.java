package io.spotifyinsight.web;

import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.web.docs.DocsController;
import io.spotifyinsight.web.error.ErrorMapper;
import io.spotifyinsight.web.health.HealthController;
import io.spotifyinsight.web.metrics.Metrics;
import io.spotifyinsight.web.page.PageController;
import io.spotifyinsight.web.recommendation.RecommendationController;
import io.spotifyinsight.web.user.UserController;
import java.util.Objects;

/**
 * Everything {@link WebApp#create} needs, built by {@link Main#wire} (and by the tests, the same
 * way).
 */
public record WebDeps(
        WebConfig config,
        Database database,
        Metrics metrics,
        ErrorMapper errors,
        RecommendationController recommendations,
        UserController users,
        HealthController health,
        DocsController docs,
        PageController pages) {
    public WebDeps {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(recommendations, "recommendations");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(pages, "pages");
    }
}
