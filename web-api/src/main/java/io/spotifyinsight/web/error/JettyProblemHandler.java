package io.spotifyinsight.web.error;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answers for requests that never reach Javalin (an encoded NUL or an ambiguous path segment,
 * an oversized header, a malformed request line) as problem documents, like every other error,
 * instead of Jetty's HTML page. The message is Jetty's reason phrase, never an exception's text.
 */
public final class JettyProblemHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // Jetty closes the connection after such an error: say so, or a client may reuse it and read EOF.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE));
        return ByteBuffer.wrap(body(status));
    }

    static byte[] body(int code) {
        String title = HttpStatus.getMessage(code);
        String detail = code == 400
                ? "The request could not be parsed: the path or a header holds characters or sequences that are not accepted"
                + " (such as an encoded NUL or an encoded '/'). Usernames are lower-case letters, digits, '.', '_' and '-'."
                : code == 414 || code == 431
                ? "The request line or headers are too long."
                : "The request was rejected before it reached the API.";
        String json = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + code + ",\"detail\":\""
                + detail.replace("\"", "\\\"") + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
