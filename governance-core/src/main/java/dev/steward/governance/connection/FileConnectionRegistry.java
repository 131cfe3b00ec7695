package dev.steward.governance.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.governance.implementation.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ConnectionRegistry} in one JSON file, rewritten atomically with owner-only permissions
 * (mode 600). It holds secret references only; the CLI keeps it in {@code
 * $STEWARD_HOME/connections.json} (default {@code ~/.steward/connections.json}).
 */
public final class FileConnectionRegistry implements ConnectionRegistry {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  /**
   * Creates a registry backed by {@code file} (created on the first add).
   *
   * @param file the JSON file
   */
  public FileConnectionRegistry(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /**
   * The file this registry reads and writes.
   *
   * @return the file
   */
  public Path file() {
    return file;
  }

  @Override
  public synchronized boolean add(PurviewConnection connection) {
    Map<String, PurviewConnection> all = read();
    boolean replaced = all.put(connection.name(), connection) != null;
    write(all);
    return replaced;
  }

  @Override
  public synchronized Optional<PurviewConnection> get(String name) {
    return Optional.ofNullable(read().get(name));
  }

  @Override
  public synchronized List<PurviewConnection> list() {
    return List.copyOf(read().values());
  }

  @Override
  public synchronized boolean remove(String name) {
    Map<String, PurviewConnection> all = read();
    if (all.remove(name) == null) {
      return false;
    }
    write(all);
    return true;
  }

  private Map<String, PurviewConnection> read() {
    Map<String, PurviewConnection> all = new TreeMap<>();
    if (!Files.exists(file)) {
      return all;
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new IllegalStateException(
          file
              + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
              + ": not a valid connections file: "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    int index = 0;
    for (JsonNode node : root.path("connections")) {
      try {
        PurviewConnection c =
            new PurviewConnection(
                text(node, "name"),
                text(node, "endpoint"),
                PurviewConnection.Authentication.valueOf(text(node, "authentication")),
                text(node, "tenantId"),
                text(node, "clientId"),
                node.hasNonNull("secret")
                    ? SecretReference.parse(node.get("secret").asText())
                    : null,
                node.path("allowInsecureLoopback").asBoolean(false));
        all.put(c.name(), c);
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            file + ": connections[" + index + "]: " + e.getMessage(), e);
      }
      index++;
    }
    return all;
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private void write(Map<String, PurviewConnection> all) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    ArrayNode array = root.putArray("connections");
    for (PurviewConnection c : all.values()) {
      ObjectNode node = array.addObject();
      node.put("name", c.name());
      node.put("endpoint", c.endpoint());
      node.put("authentication", c.authentication().name());
      if (c.tenantId() != null) {
        node.put("tenantId", c.tenantId());
      }
      if (c.clientId() != null) {
        node.put("clientId", c.clientId());
      }
      if (c.secret() != null) {
        node.put("secret", c.secret().toString());
      }
      if (c.allowInsecureLoopback()) {
        node.put("allowInsecureLoopback", true);
      }
    }
    AtomicFiles.write(
        file, true, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, root));
  }
}
