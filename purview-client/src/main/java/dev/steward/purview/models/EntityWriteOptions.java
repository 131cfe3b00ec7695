package dev.steward.purview.models;

/**
 * Options of entity create-or-update.
 *
 * @param businessAttributeUpdateBehavior {@code ignore}, {@code replace} or {@code merge} (null:
 *     the service's default, ignore)
 * @param collectionId the collection to create entities in (null: the account's root collection)
 */
public record EntityWriteOptions(String businessAttributeUpdateBehavior, String collectionId) {
  /** The service's defaults. */
  public static final EntityWriteOptions DEFAULT = new EntityWriteOptions(null, null);

  /**
   * Creates entities in a collection.
   *
   * @param collectionId the collection id
   * @return the options
   */
  public static EntityWriteOptions inCollection(String collectionId) {
    return new EntityWriteOptions(null, collectionId);
  }
}
