package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.List;
import java.util.Map;

/**
 * A classification (for example MICROSOFT.PERSONAL.EMAIL) attached to an entity.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param typeName the typeName field
 * @param attributes the attributes field
 * @param entityGuid the entityGuid field
 * @param entityStatus the entityStatus field
 * @param removePropagationsOnEntityDelete the removePropagationsOnEntityDelete field
 * @param validityPeriods the validityPeriods field
 * @param lastModifiedTS the lastModifiedTS field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasClassification(
    String typeName,
    Map<String, Object> attributes,
    String entityGuid,
    EntityStatus entityStatus,
    Boolean removePropagationsOnEntityDelete,
    List<TimeBoundary> validityPeriods,
    String lastModifiedTS,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasClassification {
    attributes = Immutables.map(attributes);
    validityPeriods = Immutables.list(validityPeriods);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /**
   * A classification with no attributes. @param typeName the classification type @return the
   * classification
   */
  public static AtlasClassification of(String typeName) {
    return new AtlasClassification(typeName, null, null, null, null, null, null, null);
  }

  /**
   * A classification with attributes.
   *
   * @param typeName the classification type
   * @param attributes its attribute values
   * @return the classification
   */
  public static AtlasClassification of(String typeName, Map<String, Object> attributes) {
    return new AtlasClassification(typeName, attributes, null, null, null, null, null, null);
  }
}
