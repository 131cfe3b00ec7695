/**
 * Steward governance core: catalogue extraction, the scheduling SPI with an in-process default, the
 * hash-chained audit trail, health checks, and the Azure Resource Manager client with backup
 * governance and resource snapshots for drift.
 */
// micrometer.core is an automatic module (Micrometer 1.x ships an Automatic-Module-Name only), and
// javac warns about every "requires" of one. The API names MeterRegistry, so it is transitive.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.steward.governance {
  requires transitive dev.steward.purview;
  requires transitive dev.steward.guard;
  requires transitive dev.steward.drift;
  requires com.azure.identity;
  requires com.azure.core.http.jdk.httpclient;
  requires com.azure.security.keyvault.secrets;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.slf4j;
  requires com.cronutils;
  requires transitive java.net.http;
  // Optional: only the meterRegistry(...) options and dev.steward.governance.metrics use it, so
  // applications without Micrometer resolve and run this module without it.
  requires static transitive micrometer.core;

  exports dev.steward.governance.connection;
  exports dev.steward.governance.extract;
  exports dev.steward.governance.schedule;
  exports dev.steward.governance.audit;
  exports dev.steward.governance.quality;
  exports dev.steward.governance.health;
  exports dev.steward.governance.arm;
  exports dev.steward.governance.backup;
  exports dev.steward.governance.snapshot;
  exports dev.steward.governance.metrics;
}
