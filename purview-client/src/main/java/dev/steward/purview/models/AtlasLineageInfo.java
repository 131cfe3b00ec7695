package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.List;
import java.util.Map;

/**
 * The lineage graph around an entity.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param baseEntityGuid the baseEntityGuid field
 * @param guidEntityMap the guidEntityMap field
 * @param widthCounts the widthCounts field
 * @param lineageDepth the lineageDepth field
 * @param lineageWidth the lineageWidth field
 * @param childrenCount the childrenCount field
 * @param lineageDirection the lineageDirection field
 * @param parentRelations the parentRelations field
 * @param relations the relations field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasLineageInfo(
    String baseEntityGuid,
    Map<String, AtlasEntityHeader> guidEntityMap,
    Map<String, Map<String, Object>> widthCounts,
    Integer lineageDepth,
    Integer lineageWidth,
    Integer childrenCount,
    String lineageDirection,
    List<ParentRelation> parentRelations,
    List<LineageRelation> relations,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasLineageInfo {
    guidEntityMap = Immutables.map(guidEntityMap);
    widthCounts = Immutables.map(widthCounts);
    parentRelations = Immutables.list(parentRelations);
    relations = Immutables.list(relations);
    additionalProperties = Immutables.extra(additionalProperties);
  }
}
