package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.List;
import java.util.Map;

/**
 * A set of type definitions, as read and written in bulk.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param businessMetadataDefs the businessMetadataDefs field
 * @param classificationDefs the classificationDefs field
 * @param entityDefs the entityDefs field
 * @param enumDefs the enumDefs field
 * @param relationshipDefs the relationshipDefs field
 * @param structDefs the structDefs field
 * @param termTemplateDefs the termTemplateDefs field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasTypesDef(
    List<AtlasBusinessMetadataDef> businessMetadataDefs,
    List<AtlasClassificationDef> classificationDefs,
    List<AtlasEntityDef> entityDefs,
    List<AtlasEnumDef> enumDefs,
    List<AtlasRelationshipDef> relationshipDefs,
    List<AtlasStructDef> structDefs,
    List<AtlasTermTemplateDef> termTemplateDefs,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasTypesDef {
    businessMetadataDefs = Immutables.list(businessMetadataDefs);
    classificationDefs = Immutables.list(classificationDefs);
    entityDefs = Immutables.list(entityDefs);
    enumDefs = Immutables.list(enumDefs);
    relationshipDefs = Immutables.list(relationshipDefs);
    structDefs = Immutables.list(structDefs);
    termTemplateDefs = Immutables.list(termTemplateDefs);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /** Only business-metadata definitions. @param defs the definitions @return the set */
  public static AtlasTypesDef ofBusinessMetadata(List<AtlasBusinessMetadataDef> defs) {
    return new AtlasTypesDef(defs, null, null, null, null, null, null, null);
  }

  /** Only classification definitions. @param defs the definitions @return the set */
  public static AtlasTypesDef ofClassifications(List<AtlasClassificationDef> defs) {
    return new AtlasTypesDef(null, defs, null, null, null, null, null, null);
  }

  /** Only entity definitions. @param defs the definitions @return the set */
  public static AtlasTypesDef ofEntities(List<AtlasEntityDef> defs) {
    return new AtlasTypesDef(null, null, defs, null, null, null, null, null);
  }
}
