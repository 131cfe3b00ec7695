package dev.steward.guard.models;

import java.util.Locale;
import java.util.Optional;

/** What an operation does to its target, from harmless to dangerous. */
public enum OperationKind {
  /** Reads only. Always allowed unless a policy prohibits it. */
  READ,
  /** Changes data the normal way (insert, update). */
  WRITE,
  /** Deletes, truncates, drops, purges or overwrites: hard or impossible to undo. */
  DESTRUCTIVE,
  /** Copies a whole data set from a source onto the target (restore, import, database push). */
  DATA_DEPLOYMENT;

  /**
   * The lower-case, dash-separated name used on the command line and in overrides, for example
   * {@code data-deployment}.
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a label ({@code read}, {@code write}, {@code destructive}, {@code data-deployment}),
   * case-insensitively; underscores are accepted in place of dashes.
   *
   * @param value the label
   * @return the kind, or empty when the value names none
   */
  public static Optional<OperationKind> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (OperationKind kind : values()) {
      if (kind.label().equals(normalized)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
