package org.shegong.api;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks real responses against the published OpenAPI 3.1 description (/v3/api-docs): the response's path must be
 * one of the description's paths, its status and media type one the operation declares, and its body valid against
 * the declared schema (JSON Schema 2020-12, networknt json-schema-validator). The description is made stricter
 * than published in one way: every object schema with properties gets {@code additionalProperties: false}, so a
 * field the code sends but the description does not name fails too.
 */
final class OpenApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Set<String> exercised = new LinkedHashSet<>();

    OpenApiContract(String apiDocs) {
        this.document = (ObjectNode) JSON.readTree(apiDocs);
        if (!document.path("openapi").asString("").startsWith("3.1")) {
            throw new IllegalArgumentException("expected OpenAPI 3.1, got " + document.path("openapi"));
        }
        document.path("components").path("schemas").forEach(OpenApiContract::closeObjects);
    }

    private static void closeObjects(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.forEach(OpenApiContract::closeObjects);
        } else if (schema.isArray()) {
            schema.forEach(OpenApiContract::closeObjects);
        }
    }

    Set<String> documentedPaths() {
        Set<String> paths = new LinkedHashSet<>();
        document.path("paths").propertyNames().forEach(paths::add);
        return paths;
    }

    Set<String> exercisedPaths() {
        return exercised;
    }

    /** The errors of one response against the description; empty when it conforms. */
    List<String> check(HttpResponse<String> response) {
        URI uri = response.request().uri();
        return check(response.request().method(), uri.getPath(), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    List<String> check(String method, String path, int status, String contentType, String body) {
        String template = template(path);
        if (template == null) {
            return List.of("no documented path matches " + path);
        }
        exercised.add(template);
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            return List.of(method + " is not documented for " + template);
        }
        JsonNode declared = operation.path("responses").path(Integer.toString(status));
        if (declared.isMissingNode()) {
            declared = operation.path("responses").path("default");
        }
        if (declared.isMissingNode()) {
            return List.of("status " + status + " is not documented for " + template);
        }
        String type = contentType.split(";")[0].strip();
        JsonNode media = declared.path("content").path(type);
        if (media.isMissingNode()) {
            return List.of("content type " + type + " is not documented for " + status + " of "
                    + template + " (documented: " + declared.path("content").propertyNames() + ")");
        }
        ObjectNode schemaNode = JSON.createObjectNode();
        schemaNode.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schemaNode.set("allOf", JSON.createArrayNode().add(media.path("schema")));
        schemaNode.set("components", document.path("components"));
        Schema schema = registry.getSchema(schemaNode);
        List<String> errors = new ArrayList<>();
        for (Error error : schema.validate(JSON.readTree(body))) {
            errors.add(template + " " + status + ": " + error);
        }
        return errors;
    }

    private String template(String path) {
        for (String candidate : documentedPaths()) {
            String regex = Pattern.quote(candidate).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (Pattern.matches(regex, path)) {
                return candidate;
            }
        }
        return null;
    }

    Map<String, Object> info() {
        return Map.of("openapi", document.path("openapi").asString(), "paths", documentedPaths());
    }
}
