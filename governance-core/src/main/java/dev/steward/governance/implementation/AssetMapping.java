package dev.steward.governance.implementation;

import dev.steward.governance.extract.CatalogAsset;
import dev.steward.purview.models.AtlasClassification;
import dev.steward.purview.models.AtlasEntity;
import dev.steward.purview.models.AtlasTermAssignmentHeader;
import dev.steward.purview.models.ContactInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps Purview entities to {@link CatalogAsset}s. */
public final class AssetMapping {

  private AssetMapping() {}

  /**
   * Maps one entity.
   *
   * @param entity the entity, as the bulk read returned it
   * @return the asset
   */
  public static CatalogAsset toAsset(AtlasEntity entity) {
    Map<String, Object> attributes = orEmpty(entity.attributes());
    String qualifiedName = text(attributes.get("qualifiedName"));
    String name = text(attributes.get("name"));
    String description = text(attributes.get("userDescription"));
    if (description == null || description.isBlank()) {
      description = text(attributes.get("description"));
    }
    List<String> classifications = new ArrayList<>();
    for (AtlasClassification c : orEmpty(entity.classifications())) {
      if (c.typeName() != null) {
        classifications.add(c.typeName());
      }
    }
    List<String> terms = new ArrayList<>();
    for (AtlasTermAssignmentHeader t : orEmpty(entity.meanings())) {
      terms.add(t.displayText() != null ? t.displayText() : t.termGuid());
    }
    return new CatalogAsset(
        entity.guid(),
        entity.typeName(),
        name != null ? name : qualifiedName,
        qualifiedName,
        description,
        contacts(entity, "Owner"),
        contacts(entity, "Expert"),
        classifications,
        entity.labels(),
        terms,
        entity.collectionId(),
        time(entity.createTime()),
        time(entity.updateTime()),
        entity.customAttributes(),
        entity.businessAttributes(),
        entity);
  }

  private static List<String> contacts(AtlasEntity entity, String kind) {
    List<String> ids = new ArrayList<>();
    for (ContactInfo contact : orEmpty(orEmpty(entity.contacts()).get(kind))) {
      if (contact.id() != null) {
        ids.add(contact.id());
      }
    }
    return ids;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Instant time(Long epochMillis) {
    return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
  }
}
