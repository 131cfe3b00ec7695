package dev.steward.guard.models;

/**
 * Profiles a data source to tell whether it looks like test data. {@code
 * dev.steward.guard.JdbcDataProfiler} profiles a database over plain JDBC; any other source can
 * implement this.
 */
@FunctionalInterface
public interface DataProfiler {

  /**
   * Profiles the source.
   *
   * @return the profile, with a confidence and an explanation per signal
   * @throws Exception when the source cannot be profiled; the guard then prohibits the operation
   */
  DataProfile profile() throws Exception;
}
