package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.List;
import java.util.Map;

/**
 * Several entities with the entities they refer to, keyed by guid.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param entities the entities field
 * @param referredEntities the referredEntities field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasEntitiesWithExtInfo(
    List<AtlasEntity> entities,
    Map<String, AtlasEntity> referredEntities,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasEntitiesWithExtInfo {
    entities = Immutables.list(entities);
    referredEntities = Immutables.map(referredEntities);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /** Wraps entities without referred entities. @param entities the entities @return the wrapper */
  public static AtlasEntitiesWithExtInfo of(List<AtlasEntity> entities) {
    return new AtlasEntitiesWithExtInfo(entities, null, null);
  }
}
