package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.List;
import java.util.Map;

/**
 * One page of the classifications of an entity.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param list the list field
 * @param pageSize the pageSize field
 * @param sortBy the sortBy field
 * @param sortType the sortType field
 * @param startIndex the startIndex field
 * @param totalCount the totalCount field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasClassifications(
    List<AtlasClassification> list,
    Integer pageSize,
    String sortBy,
    String sortType,
    Integer startIndex,
    Integer totalCount,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasClassifications {
    list = Immutables.list(list);
    additionalProperties = Immutables.extra(additionalProperties);
  }
}
