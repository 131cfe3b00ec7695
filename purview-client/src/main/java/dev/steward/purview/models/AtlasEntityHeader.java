package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.List;
import java.util.Map;

/**
 * A short description of an entity, as returned by mutations, lineage and search-by-header calls.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param typeName the typeName field
 * @param attributes the attributes field
 * @param guid the guid field
 * @param status the status field
 * @param displayText the displayText field
 * @param classificationNames the classificationNames field
 * @param classifications the classifications field
 * @param meaningNames the meaningNames field
 * @param meanings the meanings field
 * @param labels the labels field
 * @param isIncomplete the isIncomplete field
 * @param lastModifiedTS the lastModifiedTS field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasEntityHeader(
    String typeName,
    Map<String, Object> attributes,
    String guid,
    EntityStatus status,
    String displayText,
    List<String> classificationNames,
    List<AtlasClassification> classifications,
    List<String> meaningNames,
    List<AtlasTermAssignmentHeader> meanings,
    List<String> labels,
    Boolean isIncomplete,
    String lastModifiedTS,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasEntityHeader {
    attributes = Immutables.map(attributes);
    classificationNames = Immutables.list(classificationNames);
    classifications = Immutables.list(classifications);
    meaningNames = Immutables.list(meaningNames);
    meanings = Immutables.list(meanings);
    labels = Immutables.list(labels);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /** The {@code qualifiedName} attribute, or null. @return the qualified name */
  public String qualifiedName() {
    return attributes == null ? null : (String) attributes.get("qualifiedName");
  }
}
