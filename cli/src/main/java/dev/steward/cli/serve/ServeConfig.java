package dev.steward.cli.serve;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.steward.governance.connection.SecretReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code --config} file of {@code steward serve}, JSON or YAML (by extension {@code .yaml} or
 * {@code .yml}). Every field is optional; command-line options win over the file, and the file wins
 * over the defaults.
 *
 * <pre>
 * host: 127.0.0.1
 * port: 8080
 * token: env:STEWARD_API_TOKEN          # a reference (env: or file:), never the token itself
 * connections: /var/lib/steward/connections.json
 * audit: /var/lib/steward/audit
 * maxBodyBytes: 4194304
 * threads: 16
 * readiness:
 *   connections: [contoso]              # Purview connections /health/ready tests
 *   timeoutSeconds: 5
 *   schedulerGraceMinutes: 5
 * quality:                               # POST /api/quality/webhook
 *   connection: contoso
 *   mapping: /etc/steward/quality-mapping.yaml
 *   secret: env:STEWARD_WEBHOOK_SECRET
 * </pre>
 *
 * @param host the address to listen on
 * @param port the port (0 for any free port)
 * @param token where the API bearer token lives
 * @param connections the connection registry file
 * @param audit the audit trail directory
 * @param maxBodyBytes the largest request body accepted
 * @param threads the request threads
 * @param readiness what {@code /health/ready} checks
 * @param quality the quality webhook's settings
 */
record ServeConfig(
    String host,
    Integer port,
    String token,
    String connections,
    String audit,
    Long maxBodyBytes,
    Integer threads,
    Readiness readiness,
    Quality quality) {

  /**
   * What readiness checks.
   *
   * @param connections Purview connection names to test
   * @param timeoutSeconds each check's timeout
   * @param schedulerGraceMinutes how late a scheduled run may be before the scheduler is DOWN
   */
  record Readiness(
      List<String> connections, Integer timeoutSeconds, Integer schedulerGraceMinutes) {}

  /**
   * The quality webhook.
   *
   * @param connection the Purview connection scores are written to
   * @param mapping the mapping file
   * @param secret where the HMAC secret lives (env: or file:)
   */
  record Quality(
      @JsonProperty(required = true) String connection,
      @JsonProperty(required = true) String mapping,
      @JsonProperty(required = true) String secret) {}

  static ServeConfig empty() {
    return new ServeConfig(null, null, null, null, null, null, null, null, null);
  }

  /**
   * Reads a config file.
   *
   * @throws IllegalArgumentException naming the file, line, column and field
   */
  static ServeConfig read(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper =
        (name.endsWith(".yaml") || name.endsWith(".yml"))
            ? new ObjectMapper(new YAMLFactory())
            : new ObjectMapper();
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    ServeConfig config;
    try {
      config = mapper.readValue(bytes, ServeConfig.class);
    } catch (UnrecognizedPropertyException e) {
      String path = path(e);
      throw new IllegalArgumentException(
          at(file, fieldLocations(mapper, bytes).getOrDefault(path, e.getLocation()))
              + "unknown field '"
              + path
              + "'; known fields: "
              + e.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", ")),
          e);
    } catch (JsonMappingException e) {
      String path = path(e);
      throw new IllegalArgumentException(
          at(file, fieldLocations(mapper, bytes).getOrDefault(path, e.getLocation()))
              + (path.isEmpty() ? "" : "field '" + path + "': ")
              + e.getOriginalMessage(),
          e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(at(file, e.getLocation()) + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (config == null) {
      return empty();
    }
    config.check(file);
    return config;
  }

  private void check(Path file) {
    if (port != null && (port < 0 || port > 65535)) {
      throw new IllegalArgumentException(file + ": field 'port' must be 0..65535, was " + port);
    }
    if (maxBodyBytes != null && maxBodyBytes < 1024) {
      throw new IllegalArgumentException(
          file + ": field 'maxBodyBytes' must be at least 1024, was " + maxBodyBytes);
    }
    if (threads != null && (threads < 1 || threads > 256)) {
      throw new IllegalArgumentException(file + ": field 'threads' must be 1..256, was " + threads);
    }
    reference(file, "token", token);
    if (quality != null) {
      reference(file, "quality.secret", quality.secret());
    }
  }

  private static void reference(Path file, String field, String value) {
    if (value == null) {
      return;
    }
    try {
      SecretReference.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": field '" + field + "': " + e.getMessage(), e);
    }
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  /** Where each field name (as a dotted path, as {@link #path} writes it) starts in the file. */
  private static Map<String, JsonLocation> fieldLocations(ObjectMapper mapper, byte[] bytes) {
    Map<String, JsonLocation> locations = new HashMap<>();
    try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME) {
          List<String> parts = new ArrayList<>();
          for (JsonStreamContext c = parser.getParsingContext(); c != null; c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
              parts.add(0, c.getCurrentName());
            } else if (c.inArray()) {
              parts.add(0, "[" + c.getCurrentIndex() + "]");
            }
          }
          locations.putIfAbsent(String.join(".", parts), parser.currentTokenLocation());
        }
      }
    } catch (IOException e) {
      return locations;
    }
    return locations;
  }

  private static String at(Path file, JsonLocation location) {
    return location == null || location.getLineNr() < 0
        ? file + ": "
        : file + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
  }
}
