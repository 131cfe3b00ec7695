package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.Map;

/**
 * A reference to a related glossary category.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param categoryGuid the categoryGuid field
 * @param parentCategoryGuid the parentCategoryGuid field
 * @param relationGuid the relationGuid field
 * @param displayText the displayText field
 * @param description the description field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasRelatedCategoryHeader(
    String categoryGuid,
    String parentCategoryGuid,
    String relationGuid,
    String displayText,
    String description,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasRelatedCategoryHeader {
    additionalProperties = Immutables.extra(additionalProperties);
  }
}
