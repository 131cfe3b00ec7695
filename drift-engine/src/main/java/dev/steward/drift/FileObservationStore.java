package dev.steward.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.drift.models.PathHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The default {@link ObservationStore}: one JSON file, replaced atomically on save. A missing file
 * is an empty history. The file holds hashes of drifted values, never the values themselves.
 */
public final class FileObservationStore implements ObservationStore {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path file;

  /**
   * A store in a file.
   *
   * @param file the state file (created on first save)
   */
  public FileObservationStore(Path file) {
    this.file = file;
  }

  @Override
  public Map<String, PathHistory> load() {
    Map<String, PathHistory> out = new TreeMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "drift state file "
              + file
              + " is not valid JSON (line "
              + e.getLocation().getLineNr()
              + "): delete it to start over",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read drift state file " + file, e);
    }
    if (root == null || root.path("version").asInt() != 1 || !root.path("paths").isObject()) {
      throw new IllegalArgumentException(
          "drift state file " + file + " is not a version 1 state file: delete it to start over");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<Integer> states = new ArrayList<>();
      for (JsonNode s : e.getValue().path("states")) {
        states.add(s.asInt());
      }
      out.put(e.getKey(), new PathHistory(states, e.getValue().path("flapping").asBoolean()));
    }
    return out;
  }

  @Override
  public void save(Map<String, PathHistory> histories) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", 1);
    ObjectNode paths = root.putObject("paths");
    new TreeMap<>(histories)
        .forEach(
            (k, h) -> {
              ObjectNode o = paths.putObject(k);
              ArrayNode states = o.putArray("states");
              h.states().forEach(states::add);
              o.put("flapping", h.flapping());
            });
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write drift state file " + file, e);
    }
  }
}
