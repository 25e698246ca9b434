package io.spotifyinsight.fetcher.cli;

/** Help sections shared by every command, so that --help everywhere documents the same contract. */
public final class HelpText {
    public static final String EXIT_CODES_HEADING = "%nExit codes:%n";
    public static final String EXIT_0 = "0:every user's list was stored (or the command succeeded)";
    public static final String EXIT_1 =
            "1:the run finished but some users failed (or the command failed)";
    public static final String EXIT_2 = "2:usage or configuration error; nothing was done";
    public static final String EXIT_3 =
            "3:nothing could run, or the run had to stop: database unreachable or lost, Spotify"
                + " unreachable (several users in a row failing on timeouts or 5xx) or credentials"
                + " rejected, no access to the strategy's endpoint, or another run in progress";
    public static final String VARIABLES_HEADING = "%nEnvironment variables:%n";
    public static final String[] VARIABLES = {
        "  DATABASE_URL          JDBC URL (default"
                + " jdbc:postgresql://localhost:5432/spotify_insight)",
        "  DATABASE_USER         (default postgres)",
        "  DATABASE_PASSWORD     (default empty)",
        "  DATABASE_POOL_SIZE, DATABASE_CONNECTION_TIMEOUT_SECONDS, DATABASE_QUERY_TIMEOUT_SECONDS",
        "  SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET",
        "                        the app's credentials; required by run, optional for users"
                + " add/update",
        "                        (then used to check genres)",
        "  SPOTIFY_API_URL, SPOTIFY_ACCOUNTS_URL  (default Spotify's)",
        "  SPOTIFY_MAX_ATTEMPTS (default 5), SPOTIFY_RETRY_BUDGET_SECONDS (default 120),",
        "  SPOTIFY_REQUESTS_PER_SECOND (client-side limit shared by all workers; default 0 = off),",
        "  SPOTIFY_TIMEOUT_SECONDS (default 30)",
        "  APP_TIMEZONE          IANA zone deciding which date 'today' is (default UTC)",
        "  FETCHER_CONCURRENCY   users fetched at once, 1 to 64 (default 4)",
        "  FETCHER_STRATEGY      auto, spotify, search or blend (default auto)",
        "  LOG_LEVEL             INFO (default), DEBUG (one line per HTTP request), WARN, ...",
        "  LOG_FORMAT            text (default) or json (one JSON object per line)",
        "  NOTIFY_WEBHOOK_URL, NOTIFY_ON (failure|always|never), NOTIFY_FORMAT"
                + " (json|slack|discord|ntfy)",
        "                        run notifications (run only)",
        "  FETCHER_METRICS_FILE, FETCHER_PUSHGATEWAY_URL  the job's Prometheus metrics (run only)",
        "Logs go to stderr; command output (tables, lists, the run summary) to stdout.",
    };

    private HelpText() {}
}
