package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.List;
import java.util.Map;

/**
 * The highlighted fragments of a search hit.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param id the id field
 * @param qualifiedName the qualifiedName field
 * @param name the name field
 * @param description the description field
 * @param entityType the entityType field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchHighlights(
    List<String> id,
    List<String> qualifiedName,
    List<String> name,
    List<String> description,
    List<String> entityType,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public SearchHighlights {
    id = Immutables.list(id);
    qualifiedName = Immutables.list(qualifiedName);
    name = Immutables.list(name);
    description = Immutables.list(description);
    entityType = Immutables.list(entityType);
    additionalProperties = Immutables.extra(additionalProperties);
  }
}
