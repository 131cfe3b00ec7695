package dev.steward.governance.extract;

import dev.steward.purview.models.AtlasEntity;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One catalogue asset as extracted from Purview: the fields governance platforms ask for, typed,
 * plus the raw entity with every field the service sent.
 *
 * @param guid the entity guid
 * @param typeName the Purview type, e.g. {@code azure_sql_table}
 * @param name the display name ({@code name} attribute, else the qualified name)
 * @param qualifiedName the {@code qualifiedName} attribute
 * @param description the user description, else the scanned description, or null
 * @param owners contact ids (Entra object ids) of the owners
 * @param experts contact ids of the experts
 * @param classifications classification type names
 * @param labels labels
 * @param terms glossary terms assigned, as display text
 * @param collectionId the collection the asset belongs to
 * @param createTime when the entity was created, or null
 * @param updateTime when the entity was last updated, or null
 * @param customAttributes the entity's custom attributes
 * @param businessMetadata business metadata by group, then attribute
 * @param entity the raw entity, with unknown fields kept
 */
public record CatalogAsset(
    String guid,
    String typeName,
    String name,
    String qualifiedName,
    String description,
    List<String> owners,
    List<String> experts,
    List<String> classifications,
    List<String> labels,
    List<String> terms,
    String collectionId,
    Instant createTime,
    Instant updateTime,
    Map<String, String> customAttributes,
    Map<String, Map<String, Object>> businessMetadata,
    AtlasEntity entity) {

  /** Copies the collections (null stands for empty). */
  public CatalogAsset {
    owners = owners == null ? List.of() : List.copyOf(owners);
    experts = experts == null ? List.of() : List.copyOf(experts);
    classifications = classifications == null ? List.of() : List.copyOf(classifications);
    labels = labels == null ? List.of() : List.copyOf(labels);
    terms = terms == null ? List.of() : List.copyOf(terms);
    customAttributes =
        customAttributes == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(customAttributes));
    businessMetadata =
        businessMetadata == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(businessMetadata));
  }
}
