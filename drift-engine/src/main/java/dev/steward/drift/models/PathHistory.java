package dev.steward.drift.models;

import java.util.List;

/**
 * The recent observations of one resource path, oldest first, as a {@link
 * dev.steward.drift.ObservationStore} keeps them.
 *
 * @param states one entry per observation: {@code 0} when the path matched the baseline, otherwise
 *     a hash of the drifted value (so a change of value counts as a state change)
 * @param flapping whether the path is currently marked as flapping
 */
public record PathHistory(List<Integer> states, boolean flapping) {

  /** Copies the states. */
  public PathHistory {
    states = List.copyOf(states);
  }
}
