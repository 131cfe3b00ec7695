package dev.steward.drift.implementation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.drift.DriftInputException;
import dev.steward.drift.models.SourceLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads resources from a snapshot: one resource object, a JSON array of them, an ARM list ({@code
 * {"value":[...]}}; {@code nextLink} is not followed), a Resource Graph result ({@code
 * {"data":[...]}}), or JSON Lines. Each resource is handed over with its id, type and location,
 * either as a tree or, when skimming, as a byte span.
 */
public final class SnapshotReader {

  /** Field names that, first in a root object, mark it as a list wrapper rather than a resource. */
  static final Set<String> WRAPPER_FIELDS =
      Set.of(
          "value",
          "data",
          "nextLink",
          "totalRecords",
          "count",
          "facets",
          "resultTruncated",
          "$skipToken",
          "skipToken",
          "@odata.nextLink",
          "@odata.context");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  /**
   * One resource read from a snapshot.
   *
   * @param id the id as written
   * @param key the id in lower case, for matching
   * @param type lower-case type (from {@code type}, else derived from the id)
   * @param tree the resource, or {@code null} when skimming
   * @param location where the resource object starts
   * @param start byte offset of its opening brace
   * @param end byte offset just after its closing brace
   */
  public record Entry(
      String id,
      String key,
      String type,
      JsonNode tree,
      SourceLocation location,
      long start,
      long end) {}

  /** Receives each resource. */
  public interface Sink {
    /**
     * Called once per resource, in file order.
     *
     * @param entry the resource
     */
    void accept(Entry entry);
  }

  private final String file;
  private final boolean skim;
  private final SharingTreeReader.Counterparts counterparts;
  private final SharingTreeReader sharing;
  private byte[] bytes;
  private byte[] baselineBytes;
  private List<Entry> baselineOrder;
  private int ordinal;

  private SnapshotReader(String file, boolean skim, SharingTreeReader.Counterparts counterparts) {
    this.file = file;
    this.skim = skim;
    this.counterparts = counterparts;
    this.sharing = counterparts == null ? null : new SharingTreeReader(MAPPER);
  }

  /**
   * Reads every resource as a tree.
   *
   * @param file the name used in messages
   * @param in the snapshot bytes
   * @param sink receives each resource
   * @return the number of resources
   * @throws DriftInputException on malformed input or a resource without id
   */
  public static int read(String file, InputStream in, Sink sink) {
    return new SnapshotReader(file, false, null).run(in, sink);
  }

  /**
   * Reads every resource of the current snapshot as a tree that shares its unchanged subtrees with
   * the baseline resource of the same id: equal to the tree {@link #read} gives, built without
   * allocating the subtrees that equal the baseline's. A resource whose bytes are those of the
   * baseline resource at the same position is not built at all: its tokens are skipped and the
   * baseline tree is used.
   *
   * @param file the name used in messages
   * @param current the current snapshot's bytes
   * @param sink receives each resource
   * @param baselineBytes the baseline snapshot's bytes
   * @param baseline the baseline resources read from {@code baselineBytes}, by lower-case id, in
   *     file order (read only)
   * @return the number of resources
   * @throws DriftInputException on malformed input or a resource without id
   */
  public static int readSharing(
      String file,
      byte[] current,
      Sink sink,
      byte[] baselineBytes,
      LinkedHashMap<String, Entry> baseline) {
    SharingTreeReader.Counterparts cps =
        key -> {
          Entry e = baseline.get(key);
          return e == null ? null : e.tree();
        };
    SnapshotReader r = new SnapshotReader(file, false, cps);
    r.bytes = current;
    r.baselineBytes = baselineBytes;
    r.baselineOrder = new ArrayList<>(baseline.values());
    return r.run(new ByteArrayInputStream(current), sink);
  }

  /**
   * Reads every resource's id, type and byte span without building trees.
   *
   * @param file the name used in messages
   * @param in the snapshot bytes
   * @param sink receives each resource (with a {@code null} tree)
   * @return the number of resources
   * @throws DriftInputException on malformed input or a resource without id
   */
  public static int skim(String file, InputStream in, Sink sink) {
    return new SnapshotReader(file, true, null).run(in, sink);
  }

  /**
   * Parses one resource from a byte span found by {@link #skim}.
   *
   * @param file the name used in messages
   * @param bytes the span's bytes
   * @param location where the span starts, for messages
   * @return the resource tree
   */
  public static JsonNode parseSpan(String file, byte[] bytes, SourceLocation location) {
    try {
      return MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new DriftInputException(location, "cannot re-read resource: " + e.getMessage(), e);
    }
  }

  /**
   * The baseline resource at this resource's position in file order, when this resource's bytes
   * (from {@code start}) are exactly its bytes; then the two are the same JSON object.
   */
  private Entry sameBytes(long start) {
    int k = ordinal++;
    if (bytes == null || k >= baselineOrder.size() || start < 0) {
      return null;
    }
    Entry e = baselineOrder.get(k);
    long len = e.end() - e.start();
    if (e.tree() == null || e.start() < 0 || len <= 0 || start + len > bytes.length) {
      return null;
    }
    int from = (int) start;
    int bFrom = (int) e.start();
    return Arrays.equals(bytes, from, from + (int) len, baselineBytes, bFrom, bFrom + (int) len)
        ? e
        : null;
  }

  private SourceLocation loc(JsonLocation l) {
    return new SourceLocation(file, l.getLineNr(), l.getColumnNr());
  }

  private int run(InputStream in, Sink sink) {
    int count = 0;
    try (JsonParser p = FACTORY.createParser(in)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new DriftInputException(
            new SourceLocation(file, 1, 1), "empty snapshot (expected JSON resources)", null);
      }
      while (t != null) {
        if (t == JsonToken.START_ARRAY) {
          count += elements(p, sink);
        } else if (t == JsonToken.START_OBJECT) {
          JsonLocation start = p.currentTokenLocation();
          JsonToken first = p.nextToken();
          if (first == JsonToken.FIELD_NAME && WRAPPER_FIELDS.contains(p.currentName())) {
            count += wrapper(p, sink, start);
          } else {
            resource(p, sink, start);
            count++;
          }
        } else {
          throw new DriftInputException(
              loc(p.currentTokenLocation()),
              "expected a resource object, an array, {\"value\":[...]} or {\"data\":[...]}, found "
                  + t.asString(),
              null);
        }
        t = p.nextToken();
      }
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new DriftInputException(
          l == null ? new SourceLocation(file, 0, 0) : loc(l),
          "malformed JSON: " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshot " + file, e);
    }
    return count;
  }

  /** Positioned on START_ARRAY; reads resource objects up to END_ARRAY. */
  private int elements(JsonParser p, Sink sink) throws IOException {
    int n = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw new DriftInputException(
            loc(p.currentTokenLocation()),
            "expected a resource object, found " + t.asString(),
            null);
      }
      JsonLocation start = p.currentTokenLocation();
      p.nextToken();
      resource(p, sink, start);
      n++;
    }
    return n;
  }

  /** Positioned on the first FIELD_NAME of a wrapper object. */
  private int wrapper(JsonParser p, Sink sink, JsonLocation start) throws IOException {
    int n = 0;
    boolean sawList = false;
    for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if ((name.equals("value") || name.equals("data")) && v == JsonToken.START_ARRAY) {
        n += elements(p, sink);
        sawList = true;
      } else if (name.equals("id")) {
        throw new DriftInputException(
            loc(start),
            "object has both a list field and 'id': is it a resource or a list of resources?",
            null);
      } else {
        p.skipChildren();
      }
    }
    if (!sawList) {
      throw new DriftInputException(
          loc(start), "list object has no \"value\" or \"data\" array of resources", null);
    }
    return n;
  }

  /**
   * Positioned on the first FIELD_NAME (or END_OBJECT) of a resource whose START_OBJECT is at
   * start.
   */
  private void resource(JsonParser p, Sink sink, JsonLocation start) throws IOException {
    String id;
    String type;
    JsonNode tree = null;
    Entry same = null;
    if (skim) {
      id = null;
      type = null;
      for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (name.equals("id") && v == JsonToken.VALUE_STRING) {
          id = p.getText();
        } else if (name.equals("type") && v == JsonToken.VALUE_STRING) {
          type = p.getText();
        } else {
          p.skipChildren();
        }
      }
    } else {
      same = sharing == null ? null : sameBytes(start.getByteOffset());
      if (same != null) {
        for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
          p.nextToken();
          p.skipChildren();
        }
        tree = same.tree();
      } else if (sharing != null) {
        tree = sharing.readResource(p, counterparts);
      } else {
        tree =
            p.currentToken() == JsonToken.END_OBJECT
                ? MAPPER.createObjectNode()
                : MAPPER.readTree(p);
      }
      JsonNode idNode = tree.get("id");
      id = idNode != null && idNode.isTextual() ? idNode.textValue() : null;
      JsonNode typeNode = tree.get("type");
      type = typeNode != null && typeNode.isTextual() ? typeNode.textValue() : null;
    }
    long end = p.currentLocation().getByteOffset();
    if (id == null || id.isBlank()) {
      throw new DriftInputException(
          loc(start),
          "resource has no 'id' (every resource in a snapshot needs its ARM id, as a string)",
          null);
    }
    // the same bytes as a baseline resource: the same id and type, already case-folded
    String key = same != null ? same.key() : id.toLowerCase(Locale.ROOT);
    String lowerType = same != null ? same.type() : Canonical.resourceType(type, id);
    sink.accept(new Entry(id, key, lowerType, tree, loc(start), start.getByteOffset(), end));
  }
}
