package dev.steward.guard.models;

import java.util.Objects;

/**
 * Where the data of a {@link OperationKind#DATA_DEPLOYMENT} comes from: a name for messages and a
 * profiler the guard runs (with a time limit) to tell whether the data looks like test data.
 *
 * @param name the source's name, for example {@code local ai_learning.db}; never a secret
 * @param profiler profiles the source
 */
public record Source(String name, DataProfiler profiler) {

  /**
   * Checks the fields.
   *
   * @param name the source's name
   * @param profiler profiles the source
   */
  public Source {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(profiler, "profiler");
  }

  /**
   * A source whose profile is already known.
   *
   * @param profile the profile
   * @return the source
   */
  public static Source profiled(DataProfile profile) {
    Objects.requireNonNull(profile, "profile");
    return new Source(profile.source(), () -> profile);
  }
}
