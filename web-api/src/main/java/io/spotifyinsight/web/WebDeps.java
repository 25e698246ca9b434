package io.spotifyinsight.web;

import io.spotifyinsight.persistence.Database;
import io.spotifyinsight.web.docs.DocsController;
import io.spotifyinsight.web.error.ErrorMapper;
import io.spotifyinsight.web.health.HealthController;
import io.spotifyinsight.web.metrics.Metrics;
import io.spotifyinsight.web.page.PageController;
import io.spotifyinsight.web.recommendation.RecommendationController;
import io.spotifyinsight.web.user.UserController;

/**
 * Everything {@link WebApp#create} needs, built by {@link Main#wire} (and by the tests, the same
 * way). Not null-checked here: {@code wire} is its only maker and builds each component with {@code
 * new} (config and database it uses itself first), and {@code WebApp.create} reads every one of
 * them before it returns, so a missing one still fails at start-up, not on a request.
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
        PageController pages) {}
