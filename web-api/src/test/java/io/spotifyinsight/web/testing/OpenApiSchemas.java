package io.spotifyinsight.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks JSON bodies against the schemas of our own OpenAPI document. A validator for the subset of
 * JSON Schema the document uses ($ref, oneOf, type with null, properties, required, additionalProperties
 * false, items, enum, pattern, minimum, format date / date-time / uri), so that a field added to a
 * response without the document (or the reverse) fails a test.
 */
public final class OpenApiSchemas {
    private final JsonNode document;

    public OpenApiSchemas(JsonNode document) {
        this.document = document;
    }

    public static OpenApiSchemas fromClasspath() {
        try (InputStream in = OpenApiSchemas.class.getResourceAsStream("/web/openapi.json")) {
            return new OpenApiSchemas(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** The schema of a path's response for a status and media type. */
    public JsonNode responseSchema(String path, int status, String mediaType) {
        JsonNode response = resolve(document.path("paths").path(path).path("get").path("responses").path(Integer.toString(status)));
        JsonNode schema = response.path("content").path(mediaType).path("schema");
        if (schema.isMissingNode()) {
            throw new AssertionError("openapi.json has no " + mediaType + " schema for GET " + path + " " + status);
        }
        return schema;
    }

    /** Problems found, empty when {@code value} matches. */
    public List<String> validate(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", problems);
        return problems;
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local refs are supported: " + ref);
            }
            node = document.at(ref.substring(1));
        }
        return node;
    }

    private void check(JsonNode value, JsonNode rawSchema, String where, List<String> problems) {
        JsonNode schema = resolve(rawSchema);
        if (schema.has("oneOf")) {
            checkOneOf(value, schema.get("oneOf"), where, problems);
        }
        if (schema.has("type") && !typeMatches(value, schema.get("type"))) {
            problems.add(where + ": expected type " + schema.get("type") + ", got " + value.getNodeType());
            return;
        }
        if (value.isNull()) {
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                problems.add(where + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                problems.add(where + ": '" + text + "' does not match " + schema.get("pattern").asText());
            }
            if (schema.has("format")) {
                checkFormat(text, schema.get("format").asText(), where, problems);
            }
        }
        if (value.isNumber() && schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
            problems.add(where + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(where + ": required property '" + required.asText() + "' is missing");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (properties.has(field.getKey())) {
                    check(field.getValue(), properties.get(field.getKey()), where + "." + field.getKey(), problems);
                } else if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                    problems.add(where + ": property '" + field.getKey() + "' is not in the schema");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), where + "[" + i + "]", problems);
            }
        }
    }

    /** Exactly one branch must match (a list body is a Day or a Jspf document, never both). */
    private void checkOneOf(JsonNode value, JsonNode branches, String where, List<String> problems) {
        List<String> failures = new ArrayList<>();
        int matching = 0;
        for (JsonNode branch : branches) {
            List<String> branchProblems = new ArrayList<>();
            check(value, branch, where, branchProblems);
            if (branchProblems.isEmpty()) {
                matching++;
            } else {
                failures.add(branchProblems.toString());
            }
        }
        if (matching != 1) {
            problems.add(where + ": matches " + matching + " of the oneOf schemas, not exactly one " + failures);
        }
    }

    private static boolean typeMatches(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (typeMatches(value, option)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static void checkFormat(String text, String format, String where, List<String> problems) {
        try {
            switch (format) {
                case "date" -> LocalDate.parse(text);
                case "date-time" -> OffsetDateTime.parse(text);
                case "uri" -> {
                    if (!URI.create(text).isAbsolute()) {
                        problems.add(where + ": '" + text + "' is not an absolute URI");
                    }
                }
                default -> {
                    // formats we do not use are not checked
                }
            }
        } catch (RuntimeException e) {
            problems.add(where + ": '" + text + "' is not a valid " + format);
        }
    }
}
