package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The cardinality of an attribute: SINGLE, LIST or SET; other values are kept.
 *
 * <p>An expandable enum: parsing is case-insensitive for the known values and never fails for an
 * unknown one, which is kept as sent.
 *
 * @param value the wire value
 */
public record Cardinality(@JsonValue String value) {

  /** SINGLE. */
  public static final Cardinality SINGLE = new Cardinality("SINGLE");

  /** LIST. */
  public static final Cardinality LIST = new Cardinality("LIST");

  /** SET. */
  public static final Cardinality SET = new Cardinality("SET");

  private static final List<Cardinality> KNOWN = List.of(SINGLE, LIST, SET);

  /** Checks the value. */
  public Cardinality {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses a wire value: a known value in any case gives its constant, anything else is kept.
   *
   * @param value the wire value
   * @return the status, or null for null
   */
  @JsonCreator
  public static Cardinality fromString(String value) {
    if (value == null) {
      return null;
    }
    for (Cardinality known : KNOWN) {
      if (known.value.equalsIgnoreCase(value)) {
        return known;
      }
    }
    return new Cardinality(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
