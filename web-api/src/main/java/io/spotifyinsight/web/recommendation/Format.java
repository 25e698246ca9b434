package io.spotifyinsight.web.recommendation;

import io.spotifyinsight.persistence.Printable;
import io.spotifyinsight.web.error.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The answer formats of the list endpoints, chosen by the {@code format} parameter or else by the
 * Accept header. JSON is the default and wins whenever Accept names {@code application/json}; JSPF
 * shares that media type, so only {@code format=jspf} selects it. Quality values are not weighed:
 * among our other types, the one Accept names first is taken (as the CSV rule always did).
 */
enum Format {
    JSON("json"),
    CSV("csv", "text/csv"),
    JSPF("jspf"),
    XSPF("xspf", "application/xspf+xml"),
    M3U("m3u", "audio/x-mpegurl", "application/vnd.apple.mpegurl");

    static final List<Format> FOR_DAY = List.of(JSON, CSV, JSPF, XSPF, M3U);
    static final List<Format> FOR_RANGE = List.of(JSON, JSPF, XSPF, M3U);

    /** The value of the {@code format} parameter. */
    final String parameter;

    private final List<String> acceptTypes;

    Format(String parameter, String... acceptTypes) {
        this.parameter = parameter;
        this.acceptTypes = List.of(acceptTypes);
    }

    /**
     * The format asked for among {@code offered}; 400 naming every offered value for an unknown
     * parameter.
     */
    static Format negotiate(String parameter, String accept, List<Format> offered) {
        if (parameter != null) {
            return offered.stream()
                    .filter(f -> f.parameter.equals(parameter))
                    .findFirst()
                    .orElseThrow(
                            () ->
                                    ApiException.badRequest(
                                            "invalid-format",
                                            "format must be one of "
                                                    + offered.stream()
                                                            .map(f -> f.parameter)
                                                            .collect(Collectors.joining(", "))
                                                    + " (got '"
                                                    + Printable.of(parameter)
                                                    + "')"));
        }
        if (accept == null) {
            return JSON;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        if (lower.contains("application/json")) {
            return JSON;
        }
        Format chosen = JSON;
        int earliest = Integer.MAX_VALUE;
        for (Format format : offered) {
            for (String type : format.acceptTypes) {
                int at = lower.indexOf(type);
                if (at >= 0 && at < earliest) {
                    chosen = format;
                    earliest = at;
                }
            }
        }
        return chosen;
    }

    /**
     * The Content-Type of the answer: {@code written} (the writer's, with its charset), unless
     * Accept named only another of this format's media types, which is then sent instead (a client
     * asking for {@code application/vnd.apple.mpegurl} alone gets that type, not {@code
     * audio/x-mpegurl}).
     */
    String contentType(String accept, String written) {
        if (accept == null || acceptTypes.isEmpty()) {
            return written;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        if (lower.contains(acceptTypes.get(0))) {
            return written;
        }
        for (String type : acceptTypes) {
            if (lower.contains(type)) {
                return written.replace(acceptTypes.get(0), type);
            }
        }
        return written;
    }
}
