package io.spotifyinsight.web.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answers for requests that never reach Javalin (an encoded NUL or an ambiguous path
 * segment, an oversized header, a malformed request line) as problem documents, like every other
 * error, instead of Jetty's HTML page. The message is Jetty's reason phrase, never an exception's
 * text; the rejected path, when Jetty parsed one, is the problem's {@code instance}. Bodies are
 * written by the application's ObjectMapper, so whatever the path holds (quotes, backslashes,
 * control characters) leaves as valid JSON.
 */
public final class JettyProblemHandler extends ErrorHandler {
    private static final String STAND_IN = "/badMessage";

    private final ObjectMapper json;

    public JettyProblemHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            String message,
            Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // Jetty closes the connection after such an error: say so, or a client may reuse it and
        // read EOF.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body(code, path(request))), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE));
        return ByteBuffer.wrap(body(status, null));
    }

    /**
     * The path as the client meant it (decoded), or as sent when it does not decode; null without
     * one. For a request line it could not parse, Jetty hands over a stand-in request for {@value
     * #STAND_IN}.
     */
    private static String path(Request request) {
        HttpURI uri = request == null ? null : request.getHttpURI();
        if (uri == null || STAND_IN.equals(uri.getPath())) {
            return null;
        }
        try {
            String decoded = uri.getDecodedPath();
            return decoded != null ? decoded : uri.getPath();
        } catch (RuntimeException undecodable) {
            return uri.getPath();
        }
    }

    byte[] body(int code, String instance) {
        String detail =
                code == 400
                        ? "The request could not be parsed: the path or a header holds characters"
                              + " or sequences that are not accepted (such as an encoded NUL or an"
                              + " encoded '/'). Usernames are lower-case letters, digits, '.', '_'"
                              + " and '-'."
                        : code == 414 || code == 431
                                ? "The request line or headers are too long."
                                : "The request was rejected before it reached the API.";
        Problem problem =
                new Problem(
                        "about:blank", HttpStatus.getMessage(code), code, detail, instance, null);
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            // a record of strings and an int always serialises; reaching this is a bug in the
            // mapper's setup
            throw new IllegalStateException("could not write a problem document", e);
        }
    }
}
