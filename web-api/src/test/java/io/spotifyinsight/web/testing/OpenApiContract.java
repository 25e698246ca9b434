package io.spotifyinsight.web.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request.Method;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Our OpenAPI document, enforced by Atlassian's swagger-request-validator: {@link TestServer} hands
 * it every request and response, so a field, status, media type or parameter that the code and
 * openapi.json disagree on fails the test that saw it.
 *
 * <p>What is checked: the response of every documented operation (status listed, Content-Type
 * listed, body valid against its schema, documented headers); the request too when the server
 * accepted it (a 2xx or 3xx answer to a request the document calls invalid is a disagreement, while
 * a 4xx answer to it is the server doing its job). Paths and methods the document does not name
 * (the HTML pages, the assets, unmatched routes, a POST) are left alone; their problem bodies can
 * be checked with {@link #validate(JsonNode, String)}.
 */
public final class OpenApiContract {
    private static final String RESOURCE = "/web/openapi.json";

    /** The validator's keys for "the document does not describe this request at all". */
    private static final Set<String> UNDOCUMENTED =
            Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private final JsonNode document;
    private final OpenAPI api;
    private final OpenApiInteractionValidator interactions;
    private final SchemaValidator schemas;

    private OpenApiContract(String text) {
        try {
            this.document = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(text, null, options);
        if (parsed.getOpenAPI() == null
                || (parsed.getMessages() != null && !parsed.getMessages().isEmpty())) {
            throw new IllegalStateException(
                    RESOURCE + " does not parse as OpenAPI: " + parsed.getMessages());
        }
        this.api = parsed.getOpenAPI();
        this.interactions =
                OpenApiInteractionValidator.createForInlineApiSpecification(text)
                        .withBasePathOverride("/")
                        .build();
        this.schemas = new SchemaValidator(api, new MessageResolver());
    }

    /** The document the server serves at /openapi.json, from the classpath. */
    public static OpenApiContract fromClasspath() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new OpenApiContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /**
     * Throws an AssertionError naming every disagreement between this exchange and the document.
     */
    public void assertConforms(Request request, Response response) {
        String problems = check(request, response);
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    request.method()
                            + " "
                            + request.url().encodedPath()
                            + " -> "
                            + response.code()
                            + " disagrees with openapi.json:\n"
                            + problems);
        }
    }

    /**
     * The validator's report on this exchange, empty when it conforms (or the document does not
     * name it).
     */
    public String check(Request request, Response response) {
        SimpleRequest asked = toValidator(request);
        ValidationReport requestReport = interactions.validateRequest(asked);
        if (requestReport.getMessages().stream().anyMatch(m -> UNDOCUMENTED.contains(m.getKey()))) {
            return "";
        }
        ValidationReport report =
                interactions.validateResponse(
                        asked.getPath(), asked.getMethod(), toValidator(response));
        if (response.code() < 400) {
            report = requestReport.merge(report);
        }
        return failures(report);
    }

    /**
     * Problems found when {@code value} is checked against {@code components/schemas/{name}}, empty
     * when it matches: for bodies of answers the document does not name (an unmatched route's 404).
     */
    public String validate(JsonNode value, String name) {
        Schema<?> schema = api.getComponents().getSchemas().get(name);
        if (schema == null) {
            throw new IllegalArgumentException("openapi.json has no schema " + name);
        }
        return failures(schemas.validate(value.toString(), schema, "schema." + name));
    }

    private static String failures(ValidationReport report) {
        boolean failed =
                report.getMessages().stream()
                        .anyMatch(
                                m ->
                                        m.getLevel() == ValidationReport.Level.ERROR
                                                || m.getLevel() == ValidationReport.Level.WARN);
        return failed ? SimpleValidationReportFormat.getInstance().apply(report) : "";
    }

    private static SimpleRequest toValidator(Request request) {
        HttpUrl url = request.url();
        // the server routes on the decoded path, so the document's templates are matched against it
        SimpleRequest.Builder builder =
                new SimpleRequest.Builder(
                        Method.valueOf(request.method()),
                        "/" + String.join("/", url.pathSegments()));
        for (String name : url.queryParameterNames()) {
            List<String> values =
                    url.queryParameterValues(name).stream()
                            .map(value -> value == null ? "" : value)
                            .toList();
            builder.withQueryParam(name, values);
        }
        for (String name : request.headers().names()) {
            builder.withHeader(name, request.headers(name));
        }
        return builder.build();
    }

    private static SimpleResponse toValidator(Response response) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(response.code());
        for (String name : response.headers().names()) {
            builder.withHeader(name, response.headers(name));
        }
        try {
            // peeked, so the test still reads the body itself
            byte[] body = response.peekBody(Long.MAX_VALUE).bytes();
            if (body.length > 0) {
                builder.withBody(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.build();
    }
}
