package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.List;
import java.util.Map;

/**
 * What a create, update or delete did: temporary-to-real guid assignments and the entities touched,
 * by operation (CREATE, UPDATE, PARTIAL_UPDATE, DELETE).
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param guidAssignments the guidAssignments field
 * @param mutatedEntities the mutatedEntities field
 * @param partialUpdatedEntities the partialUpdatedEntities field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntityMutationResult(
    Map<String, String> guidAssignments,
    Map<String, List<AtlasEntityHeader>> mutatedEntities,
    List<AtlasEntity> partialUpdatedEntities,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public EntityMutationResult {
    guidAssignments = Immutables.map(guidAssignments);
    mutatedEntities = Immutables.map(mutatedEntities);
    partialUpdatedEntities = Immutables.list(partialUpdatedEntities);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /** Entities created by the call. @return never null */
  public List<AtlasEntityHeader> created() {
    return mutated("CREATE");
  }

  /** Entities updated by the call (full or partial). @return never null */
  public List<AtlasEntityHeader> updated() {
    List<AtlasEntityHeader> full = mutated("UPDATE");
    List<AtlasEntityHeader> partial = mutated("PARTIAL_UPDATE");
    if (partial.isEmpty()) {
      return full;
    }
    List<AtlasEntityHeader> all = new java.util.ArrayList<>(full);
    all.addAll(partial);
    return List.copyOf(all);
  }

  /** Entities deleted by the call. @return never null */
  public List<AtlasEntityHeader> deleted() {
    return mutated("DELETE");
  }

  /**
   * The entities of one mutation kind.
   *
   * @param operation CREATE, UPDATE, PARTIAL_UPDATE or DELETE
   * @return never null
   */
  public List<AtlasEntityHeader> mutated(String operation) {
    if (mutatedEntities == null) {
      return List.of();
    }
    List<AtlasEntityHeader> list = mutatedEntities.get(operation);
    return list == null ? List.of() : list;
  }
}
