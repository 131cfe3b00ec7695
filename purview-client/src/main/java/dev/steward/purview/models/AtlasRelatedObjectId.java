package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.Map;

/**
 * An entity a glossary term is assigned to.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param guid the guid field
 * @param typeName the typeName field
 * @param uniqueAttributes the uniqueAttributes field
 * @param displayText the displayText field
 * @param entityStatus the entityStatus field
 * @param relationshipType the relationshipType field
 * @param relationshipAttributes the relationshipAttributes field
 * @param relationshipGuid the relationshipGuid field
 * @param relationshipStatus the relationshipStatus field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasRelatedObjectId(
    String guid,
    String typeName,
    Map<String, Object> uniqueAttributes,
    String displayText,
    EntityStatus entityStatus,
    String relationshipType,
    Map<String, Object> relationshipAttributes,
    String relationshipGuid,
    String relationshipStatus,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasRelatedObjectId {
    uniqueAttributes = Immutables.map(uniqueAttributes);
    relationshipAttributes = Immutables.map(relationshipAttributes);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /** A reference to an entity by guid. @param guid the entity guid @return the reference */
  public static AtlasRelatedObjectId ofGuid(String guid) {
    return new AtlasRelatedObjectId(guid, null, null, null, null, null, null, null, null, null);
  }
}
