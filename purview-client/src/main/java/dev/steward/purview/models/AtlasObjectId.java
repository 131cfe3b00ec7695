package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.Map;

/**
 * A reference to an entity, by guid or by type and unique attributes.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param guid the guid field
 * @param typeName the typeName field
 * @param uniqueAttributes the uniqueAttributes field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasObjectId(
    String guid,
    String typeName,
    Map<String, Object> uniqueAttributes,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasObjectId {
    uniqueAttributes = Immutables.map(uniqueAttributes);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /** A reference by guid. @param guid the entity guid @return the reference */
  public static AtlasObjectId ofGuid(String guid) {
    return new AtlasObjectId(guid, null, null, null);
  }

  /**
   * A reference by type name and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualifiedName
   * @return the reference
   */
  public static AtlasObjectId ofQualifiedName(String typeName, String qualifiedName) {
    return new AtlasObjectId(null, typeName, Map.of("qualifiedName", qualifiedName), null);
  }
}
