package dev.steward.governance.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.governance.implementation.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A {@link CheckpointStore} in a directory: {@code KEY.checkpoint.json} and {@code KEY.guids} (one
 * guid a line), each written atomically.
 */
public final class FileCheckpointStore implements CheckpointStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private final Path directory;

  /**
   * Creates a store in {@code directory} (created on first save).
   *
   * @param directory the directory
   */
  public FileCheckpointStore(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  private Path file(String key, String suffix) {
    if (!SAFE_KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "checkpoint key '" + key + "' must be 1-128 letters, digits, '.', '_' or '-'");
    }
    return directory.resolve(key + suffix);
  }

  @Override
  public Optional<Checkpoint> load(String key) {
    Path file = file(key, ".checkpoint.json");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      return Optional.of(
          new Checkpoint(
              key,
              Instant.parse(node.path("highWatermark").asText()),
              Instant.parse(node.path("completedAt").asText()),
              node.path("assets").asLong()));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "checkpoint " + file + " is unreadable: " + e.getMessage(), e);
    }
  }

  @Override
  public void save(Checkpoint checkpoint) {
    ObjectNode node = JSON.createObjectNode();
    node.put("key", checkpoint.key());
    node.put("highWatermark", checkpoint.highWatermark().toString());
    node.put("completedAt", checkpoint.completedAt().toString());
    node.put("assets", checkpoint.assets());
    AtomicFiles.write(
        file(checkpoint.key(), ".checkpoint.json"),
        false,
        out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, node));
  }

  @Override
  public Optional<Set<String>> loadKnownGuids(String key) {
    Path file = file(key, ".guids");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      Set<String> guids = new HashSet<>();
      lines.filter(l -> !l.isBlank()).forEach(guids::add);
      return Optional.of(guids);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public void saveKnownGuids(String key, Collection<String> guids) {
    Set<String> sorted = new TreeSet<>(guids);
    AtomicFiles.write(
        file(key, ".guids"),
        false,
        out -> {
          for (String guid : sorted) {
            out.write(guid.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
          }
        });
  }
}
