package io.spotifyinsight.fetcher.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotifyinsight.fetcher.report.RunReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** The POST of one notification, in the shape the receiver reads. */
final class NotificationRequests {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");

    /** Discord refuses a longer {@code content}. */
    static final int DISCORD_MAX_CHARS = 2000;

    /** ntfy turns a longer body into an attachment. */
    static final int NTFY_MAX_CHARS = 4000;

    private final ObjectMapper json = new ObjectMapper();

    Request request(HttpUrl url, NotifyFormat format, RunReport report) {
        Request.Builder request =
                new Request.Builder().url(url).header("User-Agent", "spotify-insight-fetcher");
        return switch (format) {
            case JSON -> request.post(RequestBody.create(write(document(report)), JSON)).build();
            case SLACK ->
                    request.post(RequestBody.create(write(Map.of("text", report.text())), JSON))
                            .build();
            case DISCORD ->
                    request.post(
                                    RequestBody.create(
                                            write(
                                                    Map.of(
                                                            "content",
                                                            cut(report.text(), DISCORD_MAX_CHARS))),
                                            JSON))
                            .build();
            case NTFY ->
                    request.post(RequestBody.create(cut(report.text(), NTFY_MAX_CHARS), TEXT))
                            .header("Title", title(report))
                            .header("Priority", report.status().isFailure() ? "high" : "default")
                            .header(
                                    "Tags",
                                    report.status().isFailure() ? "warning" : "white_check_mark")
                            .build();
        };
    }

    /**
     * Our document: {@code event} (run_finished, run_not_started), {@code run_id}, {@code date},
     * {@code status} (succeeded, partial, failed, not_started), {@code strategy}, {@code
     * strategies_used}, {@code users_stored}, {@code users_failed}, {@code users_total}, {@code
     * tracks}, {@code duration_seconds}, {@code failed} ([{alias, reason}]), {@code
     * unavailable_sources}, {@code reason} (why it stopped early or did not start), {@code
     * finished_at} and {@code text}.
     */
    static Map<String, Object> document(RunReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("event", report.event().value());
        doc.put("run_id", report.runId());
        doc.put("date", report.date() == null ? null : report.date().toString());
        doc.put("status", report.status().value());
        doc.put("strategy", report.strategy());
        doc.put("strategies_used", report.strategiesUsed());
        doc.put("users_stored", report.usersStored());
        doc.put("users_failed", report.usersFailed());
        doc.put("users_total", report.usersTotal());
        doc.put("tracks", report.tracks());
        doc.put("duration_seconds", report.duration().toMillis() / 1000.0);
        List<Map<String, String>> failed =
                report.failures().stream()
                        .map(f -> Map.of("alias", f.alias(), "reason", f.reason()))
                        .toList();
        doc.put("failed", failed);
        doc.put("unavailable_sources", report.unavailableSources());
        doc.put("reason", report.reason());
        doc.put("finished_at", report.finishedAt().toString());
        doc.put("text", report.text());
        return doc;
    }

    /** ASCII only: header values must be. */
    static String title(RunReport report) {
        String day = report.date() == null ? "" : " (" + report.date() + ")";
        return switch (report.status()) {
            case SUCCEEDED -> "Spotify Insight: run succeeded" + day;
            case PARTIAL -> "Spotify Insight: run partial" + day;
            case FAILED -> "Spotify Insight: run failed" + day;
            case NOT_STARTED -> "Spotify Insight: run could not start" + day;
        };
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification did not serialise", e);
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
