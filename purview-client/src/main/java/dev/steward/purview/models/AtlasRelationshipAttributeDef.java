package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.List;
import java.util.Map;

/**
 * A relationship attribute of an entity type.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param name the name field
 * @param typeName the typeName field
 * @param cardinality the cardinality field
 * @param isOptional the isOptional field
 * @param isUnique the isUnique field
 * @param isIndexable the isIndexable field
 * @param includeInNotification the includeInNotification field
 * @param valuesMinCount the valuesMinCount field
 * @param valuesMaxCount the valuesMaxCount field
 * @param defaultValue the defaultValue field
 * @param description the description field
 * @param options the options field
 * @param constraints the constraints field
 * @param isLegacyAttribute the isLegacyAttribute field
 * @param relationshipTypeName the relationshipTypeName field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasRelationshipAttributeDef(
    String name,
    String typeName,
    Cardinality cardinality,
    Boolean isOptional,
    Boolean isUnique,
    Boolean isIndexable,
    Boolean includeInNotification,
    Integer valuesMinCount,
    Integer valuesMaxCount,
    String defaultValue,
    String description,
    Map<String, String> options,
    List<AtlasConstraintDef> constraints,
    Boolean isLegacyAttribute,
    String relationshipTypeName,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasRelationshipAttributeDef {
    options = Immutables.map(options);
    constraints = Immutables.list(constraints);
    additionalProperties = Immutables.extra(additionalProperties);
  }
}
