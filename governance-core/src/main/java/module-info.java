/**
 * Steward governance core: the scheduling SPI with an in-process default, and the hash-chained
 * audit trail.
 */
module dev.steward.governance {
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  requires com.cronutils;

  exports dev.steward.governance.schedule;
  exports dev.steward.governance.audit;
}
