/**
 * Steward's production safety guard. Depends on slf4j and the JDK only; {@code java.sql} is part of
 * its API (stamps and profiling speak plain JDBC).
 */
module dev.steward.guard {
  requires transitive java.sql;
  requires org.slf4j;

  exports dev.steward.guard;
  exports dev.steward.guard.models;
}
