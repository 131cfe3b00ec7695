/**
 * Steward's clustered scheduler: the {@code GovernanceScheduler} SPI on db-scheduler and a shared
 * database, for services that run on several instances.
 */
module dev.steward.governance.scheduler.dbscheduler {
  requires transitive dev.steward.governance;
  requires transitive java.sql;
  requires com.github.kagkarlsson.scheduler;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports dev.steward.governance.scheduler.dbscheduler;
}
