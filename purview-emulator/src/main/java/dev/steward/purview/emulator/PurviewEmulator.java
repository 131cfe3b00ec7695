package dev.steward.purview.emulator;

import dev.steward.purview.emulator.implementation.DataMap;
import dev.steward.purview.emulator.implementation.EmulatorServer;
import dev.steward.purview.emulator.implementation.FaultEngine;
import dev.steward.purview.emulator.implementation.Seeds;
import dev.steward.purview.emulator.implementation.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * An in-memory Microsoft Purview Data Map (Atlas v2 and discovery, api-version 2023-09-01) served
 * over HTTP on loopback, for tests and demos. Clients append {@code /datamap/api/...} to {@link
 * #endpoint()} and send {@code Authorization: Bearer} {@link #token()}.
 *
 * <pre>{@code
 * try (PurviewEmulator purview = PurviewEmulator.builder().seed("demo").start()) {
 *   String url = purview.endpoint() + "/datamap/api/atlas/v2/types/typedefs";
 *   purview.faults().failNext(1);   // the next request gets 503
 * }
 * }</pre>
 *
 * <p>Behaviour follows Atlas and Purview: guid assignment and {@code qualifiedName} uniqueness per
 * type, create-or-update, soft delete, classifications ({@code ATLAS-400-00-01B} when added twice),
 * labels, business metadata validated against its definition, {@code lastModifiedTS} checks (412),
 * lineage from {@code Process} inputs and outputs, glossary, and search with continuation tokens
 * bound to the request body. Errors have Purview's shape {@code {requestId, errorCode,
 * errorMessage}}; routes of the API the emulator does not implement answer 501.
 */
public final class PurviewEmulator implements AutoCloseable {

  /** The token accepted when the builder sets none. */
  public static final String DEFAULT_TOKEN = "steward-emulator-token";

  /** The collection entities belong to when a request names none. */
  public static final String ROOT_COLLECTION = "steward-emulator";

  private final Builder config;
  private final FaultEngine engine;
  private final Faults faults;
  private final DataMap map;
  private final EmulatorServer server;

  private PurviewEmulator(Builder config) throws IOException {
    this.config = config;
    this.engine = new FaultEngine(System::nanoTime);
    this.faults = new Faults(engine, null);
    if (config.rateLimit > 0) {
      engine.rateLimit(config.rateLimit, null);
    }
    this.map = initialState();
    this.server =
        new EmulatorServer(
            config.host, config.port, config.token, map, engine, config.threads, this::reset);
  }

  private DataMap initialState() throws IOException {
    Clock clock = config.clock;
    DataMap fresh = new DataMap(clock::millis, config.randomSeed, ROOT_COLLECTION);
    fill(fresh);
    return fresh;
  }

  private void fill(DataMap target) throws IOException {
    if (config.stateFile != null && Files.exists(config.stateFile)) {
      StateFile.load(target, config.stateFile);
      return;
    }
    if (config.seed != null) {
      Seeds.apply(target, config.seed);
    }
    if (config.generate > 0) {
      Seeds.generate(target, config.generate);
    }
  }

  /**
   * A builder with the defaults: {@code 127.0.0.1}, an ephemeral port, {@link #DEFAULT_TOKEN}, no
   * seed.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The base URL, for example {@code http://127.0.0.1:54321}; clients append {@code
   * /datamap/api/...}.
   *
   * @return the endpoint
   */
  public String endpoint() {
    return server.endpoint();
  }

  /**
   * The bearer token the emulator accepts.
   *
   * @return the token
   */
  public String token() {
    return config.token;
  }

  /**
   * The bound port.
   *
   * @return the port
   */
  public int port() {
    return server.port();
  }

  /**
   * Programs throttling and faults.
   *
   * @return the fault programming API
   */
  public Faults faults() {
    return faults;
  }

  /**
   * A snapshot of the request and fault counters.
   *
   * @return the counters now
   */
  public EmulatorStats stats() {
    return new EmulatorStats(
        engine.requests(), engine.requestsByRoute(), EmulatorStats.convert(engine.served()));
  }

  /** Sets every request and fault counter back to zero. */
  public void resetStats() {
    engine.resetCounters();
  }

  /**
   * The number of active (not deleted) entities.
   *
   * @return the count
   */
  public int entityCount() {
    return map.size();
  }

  /**
   * Restores the state the emulator started with (seed, generated entities or state file); faults
   * and counters are left alone.
   */
  public void reset() {
    map.write(
        () -> {
          map.clearAll();
          try {
            fill(map);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot reload the emulator state", e);
          }
          return null;
        });
  }

  /**
   * Writes the whole store (custom types, entities, relationships, glossary) as JSON.
   *
   * @param file the file to write (replaced atomically)
   */
  public void saveState(Path file) {
    try {
      StateFile.save(map, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write emulator state to " + file, e);
    }
  }

  /** Stops the server; saves the state first when a state file was configured. */
  @Override
  public void close() {
    try {
      if (config.stateFile != null) {
        saveState(config.stateFile);
      }
    } finally {
      server.close();
    }
  }

  @Override
  public String toString() {
    return "PurviewEmulator{endpoint=" + endpoint() + "}";
  }

  /** Configures and starts a {@link PurviewEmulator}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private String token = DEFAULT_TOKEN;
    private String seed;
    private int generate;
    private Path stateFile;
    private int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private int rateLimit;
    private Clock clock = Clock.systemUTC();
    private long randomSeed = 20230901L;

    private Builder() {}

    /**
     * The address to bind (default {@code 127.0.0.1}).
     *
     * @param host an address or host name
     * @return this
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * The port (default 0: an ephemeral port, see {@link PurviewEmulator#port()}).
     *
     * @param port 0 to 65535
     * @return this
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The accepted bearer token (default {@link PurviewEmulator#DEFAULT_TOKEN}).
     *
     * @param token a non-blank token
     * @return this
     */
    public Builder token(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("token must not be blank");
      }
      this.token = token;
      return this;
    }

    /**
     * Seed data: {@code "demo"} (a small, realistic estate) or {@code "none"}.
     *
     * @param seed the seed name, or null for none
     * @return this
     */
    public Builder seed(String seed) {
      String s = seed == null ? "none" : seed.trim().toLowerCase(Locale.ROOT);
      if (!Seeds.NAMES.contains(s)) {
        throw new IllegalArgumentException(
            "unknown seed '" + seed + "' (known: " + Seeds.NAMES + ")");
      }
      this.seed = s.equals("none") ? null : s;
      return this;
    }

    /**
     * Creates {@code n} additional entities deterministically (same guids, names and attributes on
     * every run), for extraction and paging tests.
     *
     * @param n how many, 0 for none
     * @return this
     */
    public Builder generate(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("generate must be >= 0, was " + n);
      }
      this.generate = n;
      return this;
    }

    /**
     * Loads the store from this JSON file when it exists (instead of seed and generate) and saves
     * it there on {@link PurviewEmulator#close()}.
     *
     * @param stateFile the file
     * @return this
     */
    public Builder stateFile(Path stateFile) {
      this.stateFile = stateFile;
      return this;
    }

    /**
     * Request threads (default max(4, 2 x cores)).
     *
     * @param threads at least 1
     * @return this
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Starts with a rate limit (same as {@code faults().rateLimit(n)}).
     *
     * @param operationsPerSecond the limit, 0 for none
     * @return this
     */
    public Builder rateLimit(int operationsPerSecond) {
      if (operationsPerSecond < 0) {
        throw new IllegalArgumentException("rate limit must be >= 0, was " + operationsPerSecond);
      }
      this.rateLimit = operationsPerSecond;
      return this;
    }

    /**
     * The clock for {@code createTime}/{@code updateTime} and search time ranges.
     *
     * @param clock the clock
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Seed of the guid generator (guids repeat for the same seed and the same history).
     *
     * @param randomSeed any value
     * @return this
     */
    public Builder randomSeed(long randomSeed) {
      this.randomSeed = randomSeed;
      return this;
    }

    /**
     * Binds, loads the initial state and starts serving.
     *
     * @return the running emulator
     * @throws UncheckedIOException when the port cannot be bound or the state file cannot be read
     */
    public PurviewEmulator start() {
      try {
        PurviewEmulator emulator = new PurviewEmulator(this);
        emulator.server.start();
        return emulator;
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot start the Purview emulator on " + host + ":" + port + ": " + e.getMessage(), e);
      }
    }
  }
}
