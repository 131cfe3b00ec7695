package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The category of a type definition; values the service adds (BUSINESS_METADATA, TERM_TEMPLATE,
 * ...) are kept.
 *
 * <p>An expandable enum: parsing is case-insensitive for the known values and never fails for an
 * unknown one, which is kept as sent.
 *
 * @param value the wire value
 */
public record TypeCategory(@JsonValue String value) {

  /** PRIMITIVE. */
  public static final TypeCategory PRIMITIVE = new TypeCategory("PRIMITIVE");

  /** OBJECT_ID_TYPE. */
  public static final TypeCategory OBJECT_ID_TYPE = new TypeCategory("OBJECT_ID_TYPE");

  /** ENUM. */
  public static final TypeCategory ENUM = new TypeCategory("ENUM");

  /** STRUCT. */
  public static final TypeCategory STRUCT = new TypeCategory("STRUCT");

  /** CLASSIFICATION. */
  public static final TypeCategory CLASSIFICATION = new TypeCategory("CLASSIFICATION");

  /** ENTITY. */
  public static final TypeCategory ENTITY = new TypeCategory("ENTITY");

  /** ARRAY. */
  public static final TypeCategory ARRAY = new TypeCategory("ARRAY");

  /** MAP. */
  public static final TypeCategory MAP = new TypeCategory("MAP");

  /** RELATIONSHIP. */
  public static final TypeCategory RELATIONSHIP = new TypeCategory("RELATIONSHIP");

  /** BUSINESS_METADATA. */
  public static final TypeCategory BUSINESS_METADATA = new TypeCategory("BUSINESS_METADATA");

  /** TERM_TEMPLATE. */
  public static final TypeCategory TERM_TEMPLATE = new TypeCategory("TERM_TEMPLATE");

  private static final List<TypeCategory> KNOWN =
      List.of(
          PRIMITIVE,
          OBJECT_ID_TYPE,
          ENUM,
          STRUCT,
          CLASSIFICATION,
          ENTITY,
          ARRAY,
          MAP,
          RELATIONSHIP,
          BUSINESS_METADATA,
          TERM_TEMPLATE);

  /** Checks the value. */
  public TypeCategory {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Parses a wire value: a known value in any case gives its constant, anything else is kept.
   *
   * @param value the wire value
   * @return the status, or null for null
   */
  @JsonCreator
  public static TypeCategory fromString(String value) {
    if (value == null) {
      return null;
    }
    for (TypeCategory known : KNOWN) {
      if (known.value.equalsIgnoreCase(value)) {
        return known;
      }
    }
    return new TypeCategory(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
