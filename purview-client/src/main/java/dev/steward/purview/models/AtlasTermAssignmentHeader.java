package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.Map;

/**
 * A glossary term assigned to an entity.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param termGuid the termGuid field
 * @param relationGuid the relationGuid field
 * @param displayText the displayText field
 * @param status the status field
 * @param confidence the confidence field
 * @param createdBy the createdBy field
 * @param description the description field
 * @param expression the expression field
 * @param steward the steward field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasTermAssignmentHeader(
    String termGuid,
    String relationGuid,
    String displayText,
    String status,
    Integer confidence,
    String createdBy,
    String description,
    String expression,
    String steward,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasTermAssignmentHeader {
    additionalProperties = Immutables.extra(additionalProperties);
  }
}
