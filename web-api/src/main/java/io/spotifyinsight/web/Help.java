package io.spotifyinsight.web;

/** The text of {@code --help}. */
final class Help {
    static final String TEXT =
            """
            web-api: serves the stored Spotify recommendations over HTTP.

            Usage: java -jar web-api.jar [--help | --version | --print-read-query]

              --print-read-query   for the benchmark only (bench/run.sh feeds it to pgbench):
                                   prints the SQL of the read path, as the server runs it,
                                   and exits

            Environment variables (all optional):
              HOST                                 address to listen on (default 0.0.0.0)
              PORT                                 port, 0 for any free one (default 8000)
              APP_TIMEZONE                         zone of "today" for ?date defaults (default UTC)
              DATABASE_URL                         JDBC URL (default
                                                   jdbc:postgresql://localhost:5432/spotify_insight)
              DATABASE_USER / DATABASE_PASSWORD    credentials (default postgres / none)
              DATABASE_POOL_SIZE                   pooled connections, 1-200 (default 4)
              DATABASE_CONNECTION_TIMEOUT_SECONDS  wait for a pooled connection before 503
                                                   (default 5)
              DATABASE_QUERY_TIMEOUT_SECONDS       statement timeout (default 10)
              WEB_MAX_THREADS                      Jetty threads, 8-1000 (default 8)
              WEB_CACHE_ENTRIES                    past-date lists kept in memory, 0 = off
                                                   (default 50000, never more than a quarter of
                                                   the maximum heap)
              WEB_SHUTDOWN_TIMEOUT_SECONDS         grace for in-flight requests on SIGTERM
                                                   (default 10)
              WEB_MIGRATE                          apply pending migrations at start-up
                                                   (default true)
              WEB_METRICS_TOKEN                    when set, /metrics needs
                                                   Authorization: Bearer <token>
              LOG_LEVEL                            TRACE, DEBUG, INFO (default), WARN, ERROR or OFF
              LOG_FORMAT                           text (default: timestamped lines) or json
                                                   (one JSON object per line: timestamp, level,
                                                   logger, message, thread, requestId)

            Endpoints:
              GET /user-recommendations/{username}
                  ?date=YYYY-MM-DD|latest&format=json|csv|jspf|xspf|m3u
              GET /users
              GET /users/{username}/recommendations?from=&to=&format=json|jspf|xspf|m3u
              GET /health, GET /metrics, GET /openapi.json, GET /docs
            Pages (HTML): GET /, GET /u/{username}, GET /u/{username}/{date}.
            jspf, xspf and m3u are playlist downloads (JSPF, XSPF, M3U8); Accept:
            application/xspf+xml or audio/x-mpegurl does the same as format=xspf or m3u.
            Exit codes: 0 stopped normally, 1 failed, 2 invalid configuration or arguments.\
            """;

    private Help() {}
}
