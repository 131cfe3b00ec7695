package dev.steward.governance.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.governance.implementation.AtomicFiles;
import dev.steward.guard.AuditSink;
import dev.steward.guard.models.AuditEvent;
import dev.steward.guard.models.Decision;
import dev.steward.guard.models.Grant;
import dev.steward.guard.models.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An append-only, hash-chained audit trail in JSON Lines files.
 *
 * <p>Each line is one {@link AuditRecord} with a sequence number, the SHA-256 of the previous line
 * ({@code prev}) and its own SHA-256 ({@code hash}, computed over the line without the hash field).
 * Editing, inserting or deleting a line breaks the chain, and {@link #verify()} says where. A small
 * head file ({@code audit.head}) holds the last sequence number and hash, so that cutting lines off
 * the end is detected too; a trail whose end was cut refuses further appends until someone looks at
 * it.
 *
 * <p>Files rotate by UTC day and by size: {@code audit-20261123-001.jsonl}, {@code
 * audit-20261123-002.jsonl}, ...; the chain runs across files. One process appends at a time; the
 * trail is safe to share between threads.
 *
 * <pre>{@code
 * try (AuditTrail audit = AuditTrail.builder(Path.of("audit")).build()) {
 *   audit.record("quality-sync", "quality.write", guid, "SUCCEEDED", Map.of("overallScore", 92));
 *   AuditVerification check = audit.verify();
 * }
 * }</pre>
 */
public final class AuditTrail implements AutoCloseable, AuditSink {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GENESIS = "0".repeat(64);
  private static final String HEAD_FILE = "audit.head";
  private static final Pattern FILE_NAME = Pattern.compile("audit-(\\d{8})-(\\d{3,})\\.jsonl");
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final String HASH_FIELD = ",\"hash\":\"";
  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i).*(password|passwd|secret|token|credential|apikey|api_key|connectionstring"
              + "|connection_string|sas|signature|(^|[_.-])key)$");

  private final Path directory;
  private final Clock clock;
  private final long maxFileBytes;
  private final boolean durable;
  private final String tenant;

  private long lastSequence;
  private String lastHash = GENESIS;
  private Path currentFile;
  private LocalDate currentDay;
  private int currentIndex;
  private FileChannel channel;
  private long currentSize;

  private AuditTrail(Builder builder) {
    this.directory = builder.directory;
    this.clock = builder.clock;
    this.maxFileBytes = builder.maxFileBytes;
    this.durable = builder.durable;
    this.tenant = builder.tenant;
    open();
  }

  /**
   * Starts a builder for a trail in {@code directory} (created if missing).
   *
   * @param directory the directory holding the trail's files
   * @return a builder
   */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /**
   * Appends a record timestamped now, for the builder's tenant.
   *
   * @param actor who did it
   * @param action what was done
   * @param target what it was done to
   * @param outcome how it ended
   * @param details further facts
   * @return the record as written (secret-looking detail values masked)
   */
  public AuditRecord record(
      String actor, String action, String target, String outcome, Map<String, ?> details) {
    return append(
        new AuditRecord(
            clock.instant(),
            tenant,
            actor,
            action,
            target,
            outcome,
            details == null ? Map.of() : new LinkedHashMap<>(details)));
  }

  /**
   * Appends a record. The line is written and (when durable) forced to disk before this returns.
   *
   * @param record the record
   * @return the record as written (secret-looking detail values masked)
   * @throws IllegalArgumentException when a detail value is not a string, number, boolean or null
   */
  public synchronized AuditRecord append(AuditRecord record) {
    Objects.requireNonNull(record, "record");
    AuditRecord masked = mask(record);
    long sequence = lastSequence + 1;
    ObjectNode node = JSON.createObjectNode();
    node.put("seq", sequence);
    node.put("time", masked.time().toString());
    node.put("tenant", masked.tenant());
    node.put("actor", masked.actor());
    node.put("action", masked.action());
    node.put("target", masked.target());
    node.put("outcome", masked.outcome());
    node.set("details", JSON.valueToTree(masked.details()));
    node.put("prev", lastHash);
    String body;
    try {
      body = JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "audit record cannot be written as JSON: " + e.getMessage(), e);
    }
    String hash = sha256(body);
    String line = body.substring(0, body.length() - 1) + HASH_FIELD + hash + "\"}\n";
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    try {
      rotateIfNeeded(masked.time(), bytes.length);
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      if (durable) {
        channel.force(false);
      }
      currentSize += bytes.length;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to audit trail " + currentFile, e);
    }
    lastSequence = sequence;
    lastHash = hash;
    writeHead();
    return masked;
  }

  /**
   * Records a production-guard decision (this trail is a guard {@link AuditSink}): action {@code
   * guard.decision}, the operation's target, the verdict and grant as outcome (e.g. {@code
   * PROHIBIT}, {@code ALLOW/CONFIRMED}), and the operation, environment and reasons as details.
   *
   * @param event the guard's decision
   */
  @Override
  public void record(AuditEvent event) {
    Decision decision = event.decision();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("operation", decision.operation().kind().name());
    details.put("name", decision.operation().name());
    details.put("environment", decision.environment().environment().name());
    if (decision.sourceProfile() != null) {
      details.put("testDataConfidence", decision.sourceProfile().confidence());
    }
    StringBuilder reasons = new StringBuilder();
    for (Reason reason : decision.reasons()) {
      if (reasons.length() > 0) {
        reasons.append(" | ");
      }
      reasons.append(reason.check()).append(": ").append(reason.message());
    }
    details.put("reasons", reasons.toString());
    append(
        new AuditRecord(
            event.time(),
            tenant,
            event.principal(),
            "guard.decision",
            decision.operation().target().name(),
            decision.verdict().name()
                + (decision.grant() == null || decision.grant() == Grant.NONE
                    ? ""
                    : "/" + decision.grant().name()),
            details));
  }

  /**
   * Checks the whole chain: every line parses, sequence numbers follow each other, each {@code
   * prev} is the previous line's hash, each {@code hash} matches its line, and the last line
   * matches the head file.
   *
   * @return what was checked and every problem found
   */
  public synchronized AuditVerification verify() {
    return verify(directory);
  }

  /**
   * Checks the chain of a trail directory without opening it for appends (see {@link #verify()}).
   *
   * @param directory the trail's directory
   * @return what was checked and every problem found
   */
  public static AuditVerification verify(Path directory) {
    List<AuditVerification.Problem> problems = new ArrayList<>();
    long records = 0;
    long expectedSequence = 1;
    String expectedPrev = GENESIS;
    List<Path> files = files(directory);
    for (Path file : files) {
      String name = file.getFileName().toString();
      long lineNumber = 0;
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = reader.readLine()) != null) {
          lineNumber++;
          records++;
          int at = line.lastIndexOf(HASH_FIELD);
          JsonNode node;
          try {
            node = JSON.readTree(line);
          } catch (JsonProcessingException e) {
            problems.add(new AuditVerification.Problem(name, lineNumber, -1, "not valid JSON"));
            continue;
          }
          long sequence = node.path("seq").asLong(-1);
          String hash = node.path("hash").asText("");
          String body = at < 0 ? line : line.substring(0, at) + "}";
          if (at < 0 || !sha256(body).equals(hash)) {
            problems.add(
                new AuditVerification.Problem(
                    name, lineNumber, sequence, "hash does not match the line: it was edited"));
          }
          if (sequence != expectedSequence) {
            problems.add(
                new AuditVerification.Problem(
                    name,
                    lineNumber,
                    sequence,
                    sequence > expectedSequence
                        ? "records "
                            + expectedSequence
                            + ".."
                            + (sequence - 1)
                            + " are missing: deleted"
                        : "sequence " + sequence + " repeats or goes back: inserted or reordered"));
          }
          if (!node.path("prev").asText("").equals(expectedPrev)) {
            problems.add(
                new AuditVerification.Problem(
                    name,
                    lineNumber,
                    sequence,
                    "prev does not match the previous record's hash: the chain is broken here"));
          }
          expectedSequence = sequence + 1;
          expectedPrev = hash;
        }
      } catch (IOException e) {
        problems.add(new AuditVerification.Problem(name, 0, -1, "cannot read: " + e.getMessage()));
      }
    }
    Head head = readHead(directory);
    if (head != null
        && (head.sequence() != expectedSequence - 1 || !head.hash().equals(expectedPrev))) {
      problems.add(
          new AuditVerification.Problem(
              HEAD_FILE,
              0,
              head.sequence(),
              "the head records sequence "
                  + head.sequence()
                  + " but the trail ends at "
                  + (expectedSequence - 1)
                  + ": records were cut off the end"));
    }
    return new AuditVerification(records, files.size(), problems);
  }

  /**
   * Reads the records whose time is in {@code [from, to)} and, when {@code target} is not null,
   * whose target equals it.
   *
   * @param from the earliest time, inclusive (null for no bound)
   * @param to the latest time, exclusive (null for no bound)
   * @param target the target to match (null for any)
   * @return the matching records in trail order
   */
  public synchronized List<AuditRecord> query(Instant from, Instant to, String target) {
    return query(directory, from, to, target);
  }

  /**
   * Reads records from a trail directory (see {@link #query(Instant, Instant, String)}).
   *
   * @param directory the trail's directory
   * @param from the earliest time, inclusive (null for no bound)
   * @param to the latest time, exclusive (null for no bound)
   * @param target the target to match (null for any)
   * @return the matching records in trail order
   */
  public static List<AuditRecord> query(Path directory, Instant from, Instant to, String target) {
    Predicate<AuditRecord> match =
        r ->
            (from == null || !r.time().isBefore(from))
                && (to == null || r.time().isBefore(to))
                && (target == null || target.equals(r.target()));
    List<AuditRecord> result = new ArrayList<>();
    for (Path file : files(directory)) {
      try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
        lines.forEach(
            line -> {
              AuditRecord record = parse(file, line);
              if (record != null && match.test(record)) {
                result.add(record);
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read audit file " + file, e);
      }
    }
    return result;
  }

  /** Closes the current file. */
  @Override
  public synchronized void close() {
    closeChannel();
  }

  private static AuditRecord parse(Path file, String line) {
    try {
      JsonNode node = JSON.readTree(line);
      Map<String, Object> details = new LinkedHashMap<>();
      node.path("details")
          .fields()
          .forEachRemaining(
              e -> details.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class)));
      return new AuditRecord(
          Instant.parse(node.path("time").asText()),
          node.path("tenant").asText(""),
          node.path("actor").asText(""),
          node.path("action").asText(""),
          node.path("target").asText(""),
          node.path("outcome").asText(""),
          details);
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  private void open() {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create audit directory " + directory, e);
    }
    List<Path> files = files(directory);
    if (!files.isEmpty()) {
      Path last = files.get(files.size() - 1);
      String lastLine = lastLine(last);
      if (lastLine != null) {
        try {
          JsonNode node = JSON.readTree(lastLine);
          lastSequence = node.path("seq").asLong();
          lastHash = node.path("hash").asText();
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(
              "the last line of audit file "
                  + last
                  + " is not valid JSON; run 'steward audit verify --dir "
                  + directory
                  + "'",
              e);
        }
      }
      Matcher m = FILE_NAME.matcher(last.getFileName().toString());
      if (m.matches()) {
        currentDay = LocalDate.parse(m.group(1), DAY);
        currentIndex = Integer.parseInt(m.group(2));
      }
    }
    Head head = readHead(directory);
    if (head != null && (head.sequence() != lastSequence || !head.hash().equals(lastHash))) {
      throw new IllegalStateException(
          "audit trail "
              + directory
              + " ends at record "
              + lastSequence
              + " but its head records "
              + head.sequence()
              + ": records were removed. Appending would hide that; run 'steward audit verify --dir "
              + directory
              + "', keep the directory as evidence and start a new trail in another directory.");
    }
  }

  private void rotateIfNeeded(Instant time, int lineBytes) throws IOException {
    LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
    boolean newDay = currentDay == null || day.isAfter(currentDay);
    if (channel == null && !newDay && currentIndex > 0) {
      currentFile = fileFor(currentDay, currentIndex);
      channel = openChannel(currentFile);
      currentSize = channel.size();
    }
    if (newDay || channel == null || currentSize + lineBytes > maxFileBytes && currentSize > 0) {
      closeChannel();
      if (newDay) {
        currentDay = day;
        currentIndex = 1;
      } else {
        currentIndex++;
      }
      currentFile = fileFor(currentDay, currentIndex);
      channel = openChannel(currentFile);
      currentSize = channel.size();
    }
  }

  private Path fileFor(LocalDate day, int index) {
    return directory.resolve(String.format("audit-%s-%03d.jsonl", DAY.format(day), index));
  }

  private static FileChannel openChannel(Path file) throws IOException {
    return FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close audit file " + currentFile, e);
      } finally {
        channel = null;
      }
    }
  }

  private record Head(long sequence, String hash) {}

  private void writeHead() {
    String head = "{\"seq\":" + lastSequence + ",\"hash\":\"" + lastHash + "\"}\n";
    AtomicFiles.write(
        directory.resolve(HEAD_FILE),
        false,
        out -> out.write(head.getBytes(StandardCharsets.UTF_8)));
  }

  private static Head readHead(Path directory) {
    Path file = directory.resolve(HEAD_FILE);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      return new Head(node.path("seq").asLong(-1), node.path("hash").asText(""));
    } catch (IOException e) {
      return new Head(-1, "");
    }
  }

  private static List<Path> files(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(directory)) {
      return list.filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list audit directory " + directory, e);
    }
  }

  private static String lastLine(Path file) {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read audit file " + file, e);
    }
  }

  private static AuditRecord mask(AuditRecord record) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : record.details().entrySet()) {
      Object value = e.getValue();
      if (value != null
          && !(value instanceof String)
          && !(value instanceof Number)
          && !(value instanceof Boolean)) {
        throw new IllegalArgumentException(
            "audit detail '"
                + e.getKey()
                + "' is a "
                + value.getClass().getName()
                + "; use a string, number, boolean or null");
      }
      details.put(
          e.getKey(), SECRET_KEY.matcher(e.getKey()).matches() && value != null ? "***" : value);
    }
    return new AuditRecord(
        record.time(),
        record.tenant(),
        record.actor(),
        record.action(),
        record.target(),
        record.outcome(),
        details);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Builds an {@link AuditTrail}. */
  public static final class Builder {
    private final Path directory;
    private Clock clock = Clock.systemUTC();
    private long maxFileBytes = 10L * 1024 * 1024;
    private boolean durable = true;
    private String tenant = "";

    private Builder(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Sets the clock that timestamps {@link AuditTrail#record} calls.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the size at which a new file is started (default 10 MiB). Files also rotate at each new
     * UTC day.
     *
     * @param maxFileBytes the maximum file size in bytes
     * @return this builder
     */
    public Builder maxFileBytes(long maxFileBytes) {
      if (maxFileBytes < 1024) {
        throw new IllegalArgumentException(
            "maxFileBytes must be at least 1024, was " + maxFileBytes);
      }
      this.maxFileBytes = maxFileBytes;
      return this;
    }

    /**
     * Whether each append is forced to disk before it returns (default true).
     *
     * @param durable force each append
     * @return this builder
     */
    public Builder durable(boolean durable) {
      this.durable = durable;
      return this;
    }

    /**
     * Sets the tenant stamped on {@link AuditTrail#record} calls.
     *
     * @param tenant the tenant or account
     * @return this builder
     */
    public Builder tenant(String tenant) {
      this.tenant = Objects.requireNonNull(tenant, "tenant");
      return this;
    }

    /**
     * Opens the trail, continuing its chain.
     *
     * @return the trail
     * @throws IllegalStateException when the trail's end was cut off
     */
    public AuditTrail build() {
      return new AuditTrail(this);
    }
  }
}
