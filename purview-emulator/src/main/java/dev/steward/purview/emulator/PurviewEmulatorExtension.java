package dev.steward.purview.emulator;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link PurviewEmulator} for your tests. Register it with
 * {@code @RegisterExtension}:
 *
 * <pre>{@code
 * @RegisterExtension
 * static PurviewEmulatorExtension purview = PurviewEmulatorExtension.withSeed("demo");
 *
 * @Test
 * void readsTheCatalogue() {
 *   String url = purview.endpoint() + "/datamap/api/atlas/v2/types/typedefs";
 *   // ... call it with "Authorization: Bearer " + purview.token()
 * }
 * }</pre>
 *
 * <p>In a {@code static} field one emulator serves the whole class, and before each test its faults
 * are cleared and its counters reset (data written by earlier tests stays; call {@link
 * PurviewEmulator#reset()} or use {@link #freshStatePerTest()} to start each test from the seed).
 * In an instance field each test gets its own emulator. Test and lifecycle methods can also take a
 * {@link PurviewEmulator} parameter.
 *
 * <p>JUnit is an optional dependency of this module: only code that uses this class needs {@code
 * junit-jupiter-api} on its class path.
 */
public final class PurviewEmulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final Consumer<PurviewEmulator.Builder> configuration;
  private boolean freshStatePerTest;
  private PurviewEmulator emulator;
  private boolean perClass;

  private PurviewEmulatorExtension(Consumer<PurviewEmulator.Builder> configuration) {
    this.configuration = configuration;
  }

  /**
   * An extension with the default emulator (no seed, ephemeral port, default token).
   *
   * @return the extension
   */
  public static PurviewEmulatorExtension create() {
    return new PurviewEmulatorExtension(builder -> {});
  }

  /**
   * An extension whose emulator loads a seed ({@code "demo"} or {@code "none"}).
   *
   * @param seed the seed name
   * @return the extension
   */
  public static PurviewEmulatorExtension withSeed(String seed) {
    return configured(builder -> builder.seed(seed));
  }

  /**
   * An extension with a fully configured emulator; {@code start()} is called by the extension.
   *
   * @param configuration sets options on the builder
   * @return the extension
   */
  public static PurviewEmulatorExtension configured(
      Consumer<PurviewEmulator.Builder> configuration) {
    return new PurviewEmulatorExtension(Objects.requireNonNull(configuration, "configuration"));
  }

  /**
   * Restores the seeded state before every test (for a class-wide emulator).
   *
   * @return this
   */
  public PurviewEmulatorExtension freshStatePerTest() {
    this.freshStatePerTest = true;
    return this;
  }

  /**
   * The running emulator.
   *
   * @return the emulator
   * @throws IllegalStateException outside a test
   */
  public PurviewEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException("the Purview emulator runs only while tests run");
    }
    return emulator;
  }

  /**
   * The base URL, see {@link PurviewEmulator#endpoint()}.
   *
   * @return the endpoint
   */
  public String endpoint() {
    return emulator().endpoint();
  }

  /**
   * The accepted bearer token.
   *
   * @return the token
   */
  public String token() {
    return emulator().token();
  }

  /**
   * Fault programming, see {@link PurviewEmulator#faults()}.
   *
   * @return the faults API
   */
  public Faults faults() {
    return emulator().faults();
  }

  /**
   * Counters, see {@link PurviewEmulator#stats()}.
   *
   * @return a snapshot
   */
  public EmulatorStats stats() {
    return emulator().stats();
  }

  private PurviewEmulator start() {
    PurviewEmulator.Builder builder = PurviewEmulator.builder();
    configuration.accept(builder);
    return builder.start();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    emulator = start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      emulator = start();
      return;
    }
    emulator.faults().clear();
    emulator.resetStats();
    if (freshStatePerTest) {
      emulator.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass && emulator != null) {
      emulator.close();
      emulator = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PurviewEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return emulator();
  }
}
