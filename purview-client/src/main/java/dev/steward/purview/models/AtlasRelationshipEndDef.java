package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.Map;

/**
 * One end of a relationship type.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param type the type field
 * @param name the name field
 * @param isContainer the isContainer field
 * @param cardinality the cardinality field
 * @param isLegacyAttribute the isLegacyAttribute field
 * @param description the description field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasRelationshipEndDef(
    String type,
    String name,
    Boolean isContainer,
    Cardinality cardinality,
    Boolean isLegacyAttribute,
    String description,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasRelationshipEndDef {
    additionalProperties = Immutables.extra(additionalProperties);
  }
}
