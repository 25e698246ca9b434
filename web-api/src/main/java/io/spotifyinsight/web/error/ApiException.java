package io.spotifyinsight.web.error;

import java.util.Map;

/**
 * An answer other than success, decided by a controller: the {@link Problem} to send (the {@link
 * ErrorMapper} adds the request's id) and the headers that go with it (Retry-After, Allow).
 * Immutable.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "urn:spotify-insight:problem:";

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    private ApiException(
            int status, String type, String title, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.problem = new Problem(type, title, status, detail, null, null);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String kind, String detail) {
        return new ApiException(400, PREFIX + kind, "Bad request", detail, Map.of());
    }

    public static ApiException unknownUser(String printableUsername) {
        return new ApiException(
                404,
                PREFIX + "unknown-user",
                "Unknown user",
                "There is no user named '"
                        + printableUsername
                        + "'. GET /users lists the known users.",
                Map.of());
    }

    public static ApiException noList(String username, String detail) {
        return new ApiException(
                404,
                PREFIX + "no-list",
                "No recommendations for this date",
                "User '" + username + "' exists but " + detail,
                Map.of());
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "about:blank", "Not found", detail, Map.of());
    }

    public static ApiException methodNotAllowed(String detail) {
        return new ApiException(
                405, "about:blank", "Method not allowed", detail, Map.of("Allow", "GET"));
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(
                401,
                PREFIX + "unauthorized",
                "Unauthorized",
                detail,
                Map.of("WWW-Authenticate", "Bearer realm=\"metrics\""));
    }

    /** Too many requests of one kind at once; not the database's fault. */
    public static ApiException busy(String detail, int retryAfterSeconds) {
        return serviceUnavailable("busy", detail, retryAfterSeconds);
    }

    public static ApiException unavailable(String detail, int retryAfterSeconds) {
        return serviceUnavailable("database-unavailable", detail, retryAfterSeconds);
    }

    /** A 503 that tells the client when to try again. */
    private static ApiException serviceUnavailable(
            String kind, String detail, int retryAfterSeconds) {
        return new ApiException(
                503,
                PREFIX + kind,
                "Service unavailable",
                detail,
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    /** The problem document, without a request id. */
    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
