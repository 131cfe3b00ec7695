/**
 * Steward governance core: catalogue extraction, the scheduling SPI with an in-process default, and
 * the hash-chained audit trail.
 */
module dev.steward.governance {
  requires transitive dev.steward.purview;
  requires transitive dev.steward.guard;
  requires com.azure.identity;
  requires com.azure.security.keyvault.secrets;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.slf4j;
  requires com.cronutils;

  exports dev.steward.governance.connection;
  exports dev.steward.governance.extract;
  exports dev.steward.governance.schedule;
  exports dev.steward.governance.audit;
  exports dev.steward.governance.quality;
}
