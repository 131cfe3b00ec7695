package dev.steward.drift.implementation;

/** How two scalar values at a path are compared. Named in rules files by {@link #id()}. */
public enum Comparison {
  /** Exact, then the safe auto-detections: numbers, resource ids, instants, durations, JSON. */
  AUTO("auto"),
  /** Exactly as written, no auto-detection: free-form values such as extension settings. */
  EXACT("exact"),
  /** Enum-like values: case is not significant. */
  IGNORE_CASE("ignoreCase"),
  /** Azure locations: case and spaces are not significant ({@code West US} = {@code westus}). */
  LOCATION("location"),
  /** Resource ids: case-insensitive; a short name equals the full id in the resource's scope. */
  RESOURCE_ID("resourceId"),
  /** IP addresses and CIDR blocks: {@code 1.2.3.4} = {@code 1.2.3.4/32}. */
  CIDR("cidr"),
  /**
   * An NSG address prefix: CIDR, plus {@code *}, {@code 0.0.0.0/0}, {@code Internet}, {@code Any}.
   */
  ADDRESS_PREFIX("addressPrefix"),
  /** JSON embedded in a string, compared as JSON. */
  JSON("json");

  private final String id;

  Comparison(String id) {
    this.id = id;
  }

  /**
   * The name used in rules files.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Finds a comparison by its rules-file name.
   *
   * @param id the name, ignoring case
   * @return the comparison
   * @throws IllegalArgumentException when unknown
   */
  public static Comparison byId(String id) {
    for (Comparison c : values()) {
      if (c.id.equalsIgnoreCase(id)) {
        return c;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Comparison c : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(c.id);
    }
    throw new IllegalArgumentException(
        "unknown comparison '" + id + "' (expected one of " + known + ")");
  }
}
