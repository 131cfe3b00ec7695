package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.Map;

/**
 * An entity with the entities it refers to, keyed by guid.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param entity the entity field
 * @param referredEntities the referredEntities field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasEntityWithExtInfo(
    AtlasEntity entity,
    Map<String, AtlasEntity> referredEntities,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasEntityWithExtInfo {
    referredEntities = Immutables.map(referredEntities);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /** Wraps one entity without referred entities. @param entity the entity @return the wrapper */
  public static AtlasEntityWithExtInfo of(AtlasEntity entity) {
    return new AtlasEntityWithExtInfo(entity, null, null);
  }
}
