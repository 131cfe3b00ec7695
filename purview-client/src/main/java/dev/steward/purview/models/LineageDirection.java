package dev.steward.purview.models;

/** Which way to walk lineage from an entity. */
public enum LineageDirection {
  /** Upstream: what the entity is derived from. */
  INPUT,
  /** Downstream: what is derived from the entity. */
  OUTPUT,
  /** Both ways. */
  BOTH
}
