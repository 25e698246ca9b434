package io.spotifyinsight.web.docs;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * GET /openapi.json (the hand-written OpenAPI 3.0 document, which the tests check against real
 * responses) and GET /docs (Swagger UI from its webjar, pointed at that document). Both are read
 * once at start-up.
 */
public final class DocsController {
    private final byte[] openApi;
    private final byte[] page;

    public DocsController() {
        this.openApi = resource("/web/openapi.json");
        this.page = resource("/web/docs.html");
    }

    public void openApi(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("application/json").result(openApi);
    }

    public void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    public static byte[] resource(String name) {
        try (InputStream in = DocsController.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
