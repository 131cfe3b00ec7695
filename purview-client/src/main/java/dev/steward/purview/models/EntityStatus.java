package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The status of an entity or classification: ACTIVE or DELETED; other values the service may add
 * are kept.
 *
 * <p>An expandable enum: parsing is case-insensitive for the known values and never fails for an
 * unknown one, which is kept as sent.
 *
 * @param value the wire value
 */
public record EntityStatus(@JsonValue String value) {

  /** ACTIVE. */
  public static final EntityStatus ACTIVE = new EntityStatus("ACTIVE");

  /** DELETED. */
  public static final EntityStatus DELETED = new EntityStatus("DELETED");

  private static final List<EntityStatus> KNOWN = List.of(ACTIVE, DELETED);

  /** Checks the value. */
  public EntityStatus {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses a wire value: a known value in any case gives its constant, anything else is kept.
   *
   * @param value the wire value
   * @return the status, or null for null
   */
  @JsonCreator
  public static EntityStatus fromString(String value) {
    if (value == null) {
      return null;
    }
    for (EntityStatus known : KNOWN) {
      if (known.value.equalsIgnoreCase(value)) {
        return known;
      }
    }
    return new EntityStatus(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
