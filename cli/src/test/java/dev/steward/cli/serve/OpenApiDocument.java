package dev.steward.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The OpenAPI document of {@code steward serve}, read from the class path, for tests. */
final class OpenApiDocument {

  private static final Set<String> METHODS =
      Set.of("get", "post", "put", "delete", "patch", "head", "options");

  final JsonNode root;
  private final SchemaRegistry schemas =
      SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());

  OpenApiDocument() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(ApiRoutes.OPENAPI_RESOURCE)) {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every operation as "METHOD /path/template". */
  Set<String> operations() {
    Set<String> ops = new TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> paths = root.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              m -> {
                if (METHODS.contains(m)) {
                  ops.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
              });
    }
    return ops;
  }

  JsonNode operation(String method, String template) {
    JsonNode op = root.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    assertThat(op.isMissingNode()).as(method + " " + template + " in the document").isFalse();
    return op;
  }

  /** Whether the operation needs the bearer token (the document's default unless overridden). */
  boolean authenticated(String method, String template) {
    JsonNode security = operation(method, template).get("security");
    return security == null || !security.isEmpty();
  }

  /** The schema as JSON text with its component references pointing at {@code $defs}. */
  private static String definitions(ObjectMapper json, JsonNode schema) throws IOException {
    return json.writeValueAsString(schema).replace("#/components/schemas/", "#/$defs/");
  }

  /** Asserts the status is documented for the operation and the JSON body fits its schema. */
  void assertResponse(String method, String template, int status, String body) {
    JsonNode response = operation(method, template).path("responses").path(String.valueOf(status));
    assertThat(response.isMissingNode())
        .as("status " + status + " documented for " + method + " " + template)
        .isFalse();
    if (response.has("$ref")) {
      String name = response.get("$ref").asText().replace("#/components/responses/", "");
      response = root.path("components").path("responses").path(name);
    }
    JsonNode schema = response.path("content").path("application/json").path("schema");
    if (schema.isMissingNode()) {
      assertThat(body).as("no body documented").isEmpty();
      return;
    }
    List<Error> errors;
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode wrapped = (ObjectNode) json.readTree(definitions(json, schema));
      wrapped.set(
          "$defs", json.readTree(definitions(json, root.path("components").path("schemas"))));
      Schema compiled = schemas.getSchema(wrapped);
      errors = compiled.validate(json.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(errors).as(method + " " + template + " " + status + " body " + body).isEmpty();
  }
}
