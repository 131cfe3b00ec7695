package dev.steward.purview.emulator.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Saves and loads the whole store as one JSON document: {@code {"format", "typeDefs", "entities",
 * "relationships", "glossary"}}. Built-in types are not written: they come with the emulator.
 */
public final class StateFile {
  /** The format marker written into every state file. */
  public static final String FORMAT = "steward-purview-emulator/1";

  private StateFile() {}

  /** Writes the state (atomically: a temporary file, then a move). */
  public static void save(DataMap map, Path file) throws IOException {
    byte[] bytes =
        map.read(
            () -> {
              ObjectNode out = Json.object();
              out.put("format", FORMAT);
              Set<String> builtin = new HashSet<>();
              for (JsonNode def : TypeRegistry.defsOf(BuiltinTypes.typesDef())) {
                builtin.add(Json.text(def, "name"));
              }
              List<ObjectNode> custom = new ArrayList<>();
              for (ObjectNode def : map.types.all()) {
                if (!builtin.contains(Json.text(def, "name"))) {
                  custom.add(def);
                }
              }
              out.set("typeDefs", TypeRegistry.typesDef(custom, true));
              ArrayNode entities = out.putArray("entities");
              for (EntityRecord record : map.records()) {
                entities.add(record.tree());
              }
              ArrayNode relationships = out.putArray("relationships");
              for (Relationship rel : map.allRelationships()) {
                ObjectNode r = map.relationshipJson(rel);
                relationships.add(r);
              }
              out.set("glossary", map.glossary.state());
              try {
                return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = Files.createTempFile(dir, ".emulator-state", ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Loads a state file into an empty store. */
  public static void load(DataMap map, Path file) throws IOException {
    JsonNode state;
    try {
      state = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException("cannot read emulator state " + file + ": " + e.getMessage(), e);
    }
    if (state == null || !FORMAT.equals(Json.text(state, "format"))) {
      throw new IOException(
          file + " is not an emulator state file (expected \"format\": \"" + FORMAT + "\")");
    }
    map.write(
        () -> {
          JsonNode typeDefs = state.get("typeDefs");
          if (typeDefs != null && typeDefs.isObject()) {
            map.types.create(TypeRegistry.defsOf(typeDefs));
          }
          for (JsonNode entity : state.path("entities")) {
            map.load((ObjectNode) entity);
          }
          for (JsonNode rel : state.path("relationships")) {
            map.loadRelationship(rel);
          }
          map.glossary.load(state.path("glossary"));
          return null;
        });
  }
}
