package io.spotifyinsight.spotify.fake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * One request a fake received, and what it answered. Shared by the fake Spotify and the fakes of
 * the recommendation sources ({@code io.spotifyinsight.sources.fake}).
 *
 * @param path decoded path, e.g. {@code /v1/search} or {@code /api/token}
 * @param query query parameters (first value of each)
 * @param receivedAt when the request arrived
 * @param status status answered; 0 when the fake dropped the connection
 * @param parameters every value of every query parameter, in order (repeated {@code seeds=})
 * @param headers request headers, names in lower case, first value of each
 */
public record RecordedCall(
        String method,
        String path,
        Map<String, String> query,
        Instant receivedAt,
        int status,
        Map<String, List<String>> parameters,
        Map<String, String> headers) {

    public RecordedCall {
        query = Map.copyOf(query);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        parameters = Map.copyOf(copy);
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lower);
    }

    /** A call without the multi-valued parameters and headers. */
    public RecordedCall(
            String method, String path, Map<String, String> query, Instant receivedAt, int status) {
        this(method, path, query, receivedAt, status, Map.of(), Map.of());
    }

    /** The entry for a request a MockWebServer received: path, query, headers. */
    public static RecordedCall of(RecordedRequest request, Instant receivedAt, int status) {
        HttpUrl url = request.getUrl();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            query.put(name, url.queryParameter(name));
            parameters.put(name, url.queryParameterValues(name));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : request.getHeaders().names()) {
            headers.put(name, request.getHeaders().get(name));
        }
        return new RecordedCall(
                request.getMethod(),
                "/" + String.join("/", url.pathSegments()),
                query,
                receivedAt,
                status,
                parameters,
                headers);
    }

    public boolean isTokenRequest() {
        return path.equals("/api/token");
    }

    public boolean isApiRequest() {
        return path.startsWith("/v1/");
    }

    public String query(String name) {
        return query.get(name);
    }

    /** Every value of a query parameter, in order; empty when absent. */
    public List<String> parameters(String name) {
        return parameters.getOrDefault(name, List.of());
    }

    /** A request header by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
