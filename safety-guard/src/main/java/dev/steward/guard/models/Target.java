package dev.steward.guard.models;

import java.util.Objects;
import java.util.Optional;

/**
 * What an operation acts on: a name (a database, a Purview account, a storage container) and the
 * environment stamp the target carries, when known.
 *
 * <p>The stamp is the Rails idea: the target itself records which environment it belongs to, so a
 * production database is recognised as production whichever process reaches it. A stamp can be
 * known up front ({@link #stamped}) or read when the guard evaluates ({@link #withStampFrom}); a
 * failure to read it ends in {@link Verdict#PROHIBIT}.
 */
public final class Target {

  /** Reads a target's environment stamp, for example from a table in the target database. */
  @FunctionalInterface
  public interface StampLookup {
    /**
     * Reads the stamp.
     *
     * @return the stamped environment, or empty when the target carries no stamp
     * @throws Exception when the stamp cannot be read; the guard then prohibits the operation
     */
    Optional<Environment> read() throws Exception;
  }

  private final String name;
  private final Environment stamp;
  private final StampLookup lookup;

  private Target(String name, Environment stamp, StampLookup lookup) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a target name must not be blank");
    }
    if (stamp != null && !stamp.isConcrete()) {
      throw new IllegalArgumentException(
          "a target cannot be stamped " + stamp.label() + ": stamp a concrete environment");
    }
    this.name = name;
    this.stamp = stamp;
    this.lookup = lookup;
  }

  /**
   * A target whose stamp is not known: the guard judges it by the environment of the process.
   *
   * @param name the target's name, for example {@code orders-db}
   * @return the target
   */
  public static Target named(String name) {
    return new Target(name, null, null);
  }

  /**
   * A target with a known environment stamp.
   *
   * @param name the target's name
   * @param stamp the environment the target belongs to (concrete); {@code null} for none
   * @return the target
   */
  public static Target stamped(String name, Environment stamp) {
    return new Target(name, stamp, null);
  }

  /**
   * A target whose stamp is read by the guard at evaluation time.
   *
   * @param name the target's name
   * @param lookup reads the stamp; a failure ends in {@link Verdict#PROHIBIT}
   * @return the target
   */
  public static Target withStampFrom(String name, StampLookup lookup) {
    return new Target(name, null, Objects.requireNonNull(lookup, "lookup"));
  }

  /**
   * The target's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The known stamp. Empty when the target is unstamped or its stamp is read later ({@link
   * #stampLookup()}).
   *
   * @return the stamp
   */
  public Optional<Environment> stamp() {
    return Optional.ofNullable(stamp);
  }

  /**
   * The lookup that reads the stamp at evaluation time, if any.
   *
   * @return the lookup
   */
  public Optional<StampLookup> stampLookup() {
    return Optional.ofNullable(lookup);
  }

  /**
   * The same target with a known stamp (and no lookup).
   *
   * @param resolved the stamp read for it; {@code null} for none
   * @return a new target
   */
  public Target withStamp(Environment resolved) {
    return new Target(name, resolved, null);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Target
        && ((Target) other).name.equals(name)
        && ((Target) other).stamp == stamp
        && ((Target) other).lookup == lookup;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Objects.hashCode(stamp);
  }

  @Override
  public String toString() {
    if (lookup != null) {
      return "'" + name + "' (stamp read on evaluation)";
    }
    return stamp == null
        ? "'" + name + "' (unstamped)"
        : "'" + name + "' (stamped " + stamp.label() + ")";
  }
}
