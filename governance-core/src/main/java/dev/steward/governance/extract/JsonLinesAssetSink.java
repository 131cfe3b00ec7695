package dev.steward.governance.extract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes assets as JSON Lines, one asset a line, to {@code FILE.partial}, and renames it to {@code
 * FILE} on commit: the output appears complete or not at all. A run that is interrupted (killed,
 * failed) leaves {@code FILE.partial}; the next run with the same output resumes from it, skipping
 * the assets it holds, so the final file holds every asset exactly once. A half-written last line
 * is cut off.
 *
 * <p>Each line: {@code guid, typeName, name, qualifiedName, description, owners, experts,
 * classifications, labels, terms, collectionId, createTime, updateTime (ISO-8601),
 * customAttributes, businessMetadata, entity} (the raw entity). Absent values are omitted.
 */
public final class JsonLinesAssetSink implements AssetSink {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
  private static final String GUID_PREFIX = "{\"guid\":\"";

  private final Path target;
  private final Path partial;
  private final Set<String> resumed;
  private final FileChannel channel;
  private final OutputStream out;
  private final JsonGenerator generator;
  private boolean committed;
  private boolean closed;

  /**
   * Opens the sink, resuming from {@code FILE.partial} when it exists.
   *
   * @param target the output file
   * @throws IOException when the partial file cannot be read or opened
   */
  public JsonLinesAssetSink(Path target) throws IOException {
    this.target = Objects.requireNonNull(target, "target").toAbsolutePath();
    this.partial = this.target.resolveSibling(this.target.getFileName() + ".partial");
    Files.createDirectories(this.target.getParent());
    this.resumed = Files.exists(partial) ? recover(partial) : Set.of();
    this.channel =
        FileChannel.open(
            partial,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    this.generator = JSON.getFactory().createGenerator(out);
    this.generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /** Reads the guids of the complete lines and cuts off a half-written last line. */
  private static Set<String> recover(Path partial) throws IOException {
    long complete = 0;
    Set<String> guids = new HashSet<>();
    try (BufferedReader reader = Files.newBufferedReader(partial, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      long offset = 0;
      int c;
      while ((c = reader.read()) != -1) {
        if (c == '\n') {
          offset += line.toString().getBytes(StandardCharsets.UTF_8).length + 1;
          String guid = guidOf(line.toString());
          if (guid != null) {
            guids.add(guid);
            complete = offset;
          }
          line.setLength(0);
        } else {
          line.append((char) c);
        }
      }
    }
    try (RandomAccessFile file = new RandomAccessFile(partial.toFile(), "rw")) {
      if (file.length() != complete) {
        file.setLength(complete);
      }
    }
    return Collections.unmodifiableSet(guids);
  }

  private static String guidOf(String line) {
    if (line.startsWith(GUID_PREFIX)) {
      int end = line.indexOf('"', GUID_PREFIX.length());
      return end < 0 ? null : line.substring(GUID_PREFIX.length(), end);
    }
    try {
      JsonNode node = JSON.readTree(line);
      return node.hasNonNull("guid") ? node.get("guid").asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public Set<String> alreadyWritten() {
    return resumed;
  }

  @Override
  public String resumeHint() {
    return "the assets written so far are kept in "
        + partial
        + " and running the same extraction into "
        + target
        + " resumes from them";
  }

  @Override
  public void write(CatalogAsset asset) throws IOException {
    JsonGenerator g = generator;
    g.writeStartObject();
    g.writeStringField("guid", asset.guid());
    g.writeStringField("typeName", asset.typeName());
    string(g, "name", asset.name());
    string(g, "qualifiedName", asset.qualifiedName());
    string(g, "description", asset.description());
    list(g, "owners", asset.owners());
    list(g, "experts", asset.experts());
    list(g, "classifications", asset.classifications());
    list(g, "labels", asset.labels());
    list(g, "terms", asset.terms());
    string(g, "collectionId", asset.collectionId());
    instant(g, "createTime", asset.createTime());
    instant(g, "updateTime", asset.updateTime());
    map(g, "customAttributes", asset.customAttributes());
    map(g, "businessMetadata", asset.businessMetadata());
    g.writeFieldName("entity");
    JSON.writeValue(g, asset.entity());
    g.writeEndObject();
    g.writeRaw('\n');
  }

  private static void string(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  private static void instant(JsonGenerator g, String field, Instant value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value.toString());
    }
  }

  private static void list(JsonGenerator g, String field, List<String> values) throws IOException {
    if (!values.isEmpty()) {
      g.writeArrayFieldStart(field);
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    }
  }

  private static void map(JsonGenerator g, String field, Map<String, ?> values) throws IOException {
    if (!values.isEmpty()) {
      g.writeFieldName(field);
      JSON.writeValue(g, values);
    }
  }

  @Override
  public void commit() throws IOException {
    generator.flush();
    out.flush();
    channel.force(true);
    closeQuietly();
    try {
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      generator.flush();
      out.flush();
    }
    closeQuietly();
  }

  private void closeQuietly() throws IOException {
    if (!closed) {
      closed = true;
      generator.close();
      out.close();
    }
  }

  /**
   * The output file.
   *
   * @return the file the committed output is renamed to
   */
  public Path target() {
    return target;
  }
}
