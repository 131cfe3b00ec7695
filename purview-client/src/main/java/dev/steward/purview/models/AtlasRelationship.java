package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.Map;

/**
 * A relationship between two entities.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param typeName the typeName field
 * @param attributes the attributes field
 * @param guid the guid field
 * @param end1 the end1 field
 * @param end2 the end2 field
 * @param label the label field
 * @param status the status field
 * @param createdBy the createdBy field
 * @param updatedBy the updatedBy field
 * @param createTime the createTime field
 * @param updateTime the updateTime field
 * @param version the version field
 * @param homeId the homeId field
 * @param provenanceType the provenanceType field
 * @param lastModifiedTS the lastModifiedTS field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasRelationship(
    String typeName,
    Map<String, Object> attributes,
    String guid,
    AtlasObjectId end1,
    AtlasObjectId end2,
    String label,
    String status,
    String createdBy,
    String updatedBy,
    Long createTime,
    Long updateTime,
    Long version,
    String homeId,
    Integer provenanceType,
    String lastModifiedTS,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasRelationship {
    attributes = Immutables.map(attributes);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /**
   * A new relationship of a type between two entities.
   *
   * @param typeName the relationship type
   * @param end1 the first end
   * @param end2 the second end
   * @return the relationship
   */
  public static AtlasRelationship of(String typeName, AtlasObjectId end1, AtlasObjectId end2) {
    return new AtlasRelationship(
        typeName, null, null, end1, end2, null, null, null, null, null, null, null, null, null,
        null, null);
  }
}
