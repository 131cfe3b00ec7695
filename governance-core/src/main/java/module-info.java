/**
 * Steward governance core: catalogue extraction, the scheduling SPI with an in-process default, and
 * the hash-chained audit trail.
 */
// micrometer.core is an automatic module (Micrometer 1.x ships an Automatic-Module-Name only), and
// javac warns about every "requires" of one. The API names MeterRegistry, so it is transitive.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.steward.governance {
  requires transitive dev.steward.purview;
  requires transitive dev.steward.guard;
  requires com.azure.identity;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.slf4j;
  requires com.cronutils;
  requires transitive dev.steward.drift;
  // Optional: only the meterRegistry(...) options and dev.steward.governance.metrics use it, so
  // applications without Micrometer resolve and run this module without it.
  requires static transitive micrometer.core;

  exports dev.steward.governance.connection;
  exports dev.steward.governance.extract;
  exports dev.steward.governance.schedule;
  exports dev.steward.governance.audit;
  exports dev.steward.governance.quality;
  exports dev.steward.governance.metrics;
}
