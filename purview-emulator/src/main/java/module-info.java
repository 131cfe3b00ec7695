/**
 * An in-memory Microsoft Purview Data Map (Atlas v2 and discovery, api-version 2023-09-01) served
 * on loopback by the JDK's HTTP server, with throttling and fault injection. Start it with {@link
 * dev.steward.purview.emulator.PurviewEmulator#builder()}.
 */
module dev.steward.purview.emulator {
  requires jdk.httpserver;
  requires com.fasterxml.jackson.databind;

  /*
   * Only PurviewEmulatorExtension (the JUnit 5 extension) uses JUnit. The dependency is optional
   * and provided ("static"): applications that do not use the extension never need JUnit at
   * compile or run time. "transitive" because the extension's public signature shows JUnit types.
   */
  requires static transitive org.junit.jupiter.api;

  exports dev.steward.purview.emulator;
}
