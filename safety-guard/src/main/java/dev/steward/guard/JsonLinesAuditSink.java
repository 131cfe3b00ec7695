package dev.steward.guard;

import dev.steward.guard.implementation.Json;
import dev.steward.guard.models.AuditEvent;
import dev.steward.guard.models.Decision;
import dev.steward.guard.models.EnvironmentSignal;
import dev.steward.guard.models.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;

/**
 * Appends each decision to a file as one JSON object per line (JSON Lines), written whole with one
 * {@code write} call so concurrent writers never interleave within a line.
 *
 * <p>Fields: {@code time}, {@code outcome} ({@code allowed}, {@code confirmed}, {@code overridden},
 * {@code confirmation-required}, {@code prohibited}), {@code decision}, {@code grant}, {@code
 * principal}, {@code environment}, {@code evidence} (array), {@code operation} ({@code kind},
 * {@code name}), {@code target} ({@code name}, {@code stamp}), {@code sourceConfidence} (data
 * deployments), {@code reasons} (array of {@code check}, {@code verdict}, {@code message}, {@code
 * wayOut}).
 */
public final class JsonLinesAuditSink implements AuditSink, AutoCloseable {

  private final Path file;
  private final FileChannel channel;

  private JsonLinesAuditSink(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Opens (creating when missing) a file to append to; parent directories are created.
   *
   * @param file the audit file, for example {@code audit/guard.jsonl}
   * @return the sink; close it when done
   * @throws IOException when the file cannot be opened
   */
  public static JsonLinesAuditSink open(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new JsonLinesAuditSink(file, channel);
  }

  /**
   * The file this sink appends to.
   *
   * @return the file
   */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void record(AuditEvent event) {
    ByteBuffer line = ByteBuffer.wrap((toJson(event) + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      while (line.hasRemaining()) {
        channel.write(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the audit file " + file, e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }

  /**
   * The JSON object (one line, no line break) this sink writes for an event.
   *
   * @param event the event
   * @return the JSON text
   */
  public static String toJson(AuditEvent event) {
    Decision decision = event.decision();
    StringBuilder out = new StringBuilder(512).append('{');
    Json.field(out, "time", true);
    Json.string(out, event.time().toString());
    Json.field(out, "outcome", false);
    Json.string(out, event.outcome());
    Json.field(out, "decision", false);
    Json.string(out, decision.verdict().name());
    Json.field(out, "grant", false);
    Json.string(out, decision.grant().name());
    Json.field(out, "principal", false);
    Json.string(out, event.principal());
    Json.field(out, "environment", false);
    Json.string(out, decision.environment().environment().label());
    Json.field(out, "evidence", false).append('[');
    boolean first = true;
    for (EnvironmentSignal signal : decision.environment().signals()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      Json.string(out, signal.toString());
    }
    if (decision.environment().failure() != null) {
      if (!first) {
        out.append(',');
      }
      Json.string(out, "detection failed: " + decision.environment().failure());
    }
    out.append(']');
    Json.field(out, "operation", false).append('{');
    Json.field(out, "kind", true);
    Json.string(out, decision.operation().kind().label());
    Json.field(out, "name", false);
    Json.string(out, decision.operation().name());
    out.append('}');
    Json.field(out, "target", false).append('{');
    Json.field(out, "name", true);
    Json.string(out, decision.operation().target().name());
    Json.field(out, "stamp", false);
    Json.string(out, decision.operation().target().stamp().map(s -> s.label()).orElse(null));
    out.append('}');
    if (decision.sourceProfile() != null) {
      Json.field(out, "source", false);
      Json.string(out, decision.sourceProfile().source());
      Json.field(out, "sourceConfidence", false)
          .append(String.format(Locale.ROOT, "%.2f", decision.sourceProfile().confidence()));
    }
    Json.field(out, "reasons", false).append('[');
    first = true;
    for (Reason reason : decision.reasons()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append('{');
      Json.field(out, "check", true);
      Json.string(out, reason.check().label());
      Json.field(out, "verdict", false);
      Json.string(out, reason.verdict().name());
      Json.field(out, "message", false);
      Json.string(out, reason.message());
      Json.field(out, "wayOut", false);
      Json.string(out, reason.wayOut());
      out.append('}');
    }
    return out.append("]}").toString();
  }
}
