/**
 * Steward's clustered scheduler: the {@code GovernanceScheduler} SPI on db-scheduler and a shared
 * database, for services that run on several instances.
 */
// micrometer.core is an automatic module (Micrometer 1.x ships an Automatic-Module-Name only), and
// javac warns about every "requires" of one. The API names MeterRegistry, so it is transitive.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.steward.governance.scheduler.dbscheduler {
  requires transitive dev.steward.governance;
  requires transitive java.sql;
  requires com.github.kagkarlsson.scheduler;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  // Optional: only Builder.meterRegistry(...) uses it, so applications without Micrometer resolve
  // and run this module without it.
  requires static transitive micrometer.core;

  exports dev.steward.governance.scheduler.dbscheduler;
}
