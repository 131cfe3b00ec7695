package dev.steward.governance.health;

/** How healthy a dependency is, from best to worst. */
public enum HealthStatus {
  /** Working as expected. */
  UP,
  /** Working, with a problem a person should look at (a failed last run, little disk space). */
  DEGRADED,
  /** Not working: the service cannot do its job with this dependency. */
  DOWN;

  /**
   * The worse of two statuses.
   *
   * @param other the other status
   * @return this or {@code other}, whichever is worse
   */
  public HealthStatus worst(HealthStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
