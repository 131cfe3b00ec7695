package dev.steward.purview.models;

/**
 * Options of the entity reads.
 *
 * @param minExtInfo return only minimal information about referred entities
 * @param ignoreRelationships leave relationship attributes out
 */
public record EntityGetOptions(boolean minExtInfo, boolean ignoreRelationships) {
  /** The service's defaults: full referred entities, with relationships. */
  public static final EntityGetOptions DEFAULT = new EntityGetOptions(false, false);
}
