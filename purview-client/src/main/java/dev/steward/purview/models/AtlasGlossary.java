package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.List;
import java.util.Map;

/**
 * A glossary.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param guid the guid field
 * @param qualifiedName the qualifiedName field
 * @param name the name field
 * @param shortDescription the shortDescription field
 * @param longDescription the longDescription field
 * @param language the language field
 * @param usage the usage field
 * @param categories the categories field
 * @param terms the terms field
 * @param classifications the classifications field
 * @param createdBy the createdBy field
 * @param updatedBy the updatedBy field
 * @param createTime the createTime field
 * @param updateTime the updateTime field
 * @param lastModifiedTS the lastModifiedTS field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasGlossary(
    String guid,
    String qualifiedName,
    String name,
    String shortDescription,
    String longDescription,
    String language,
    String usage,
    List<AtlasRelatedCategoryHeader> categories,
    List<AtlasRelatedTermHeader> terms,
    List<AtlasClassification> classifications,
    String createdBy,
    String updatedBy,
    Long createTime,
    Long updateTime,
    String lastModifiedTS,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasGlossary {
    categories = Immutables.list(categories);
    terms = Immutables.list(terms);
    classifications = Immutables.list(classifications);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /**
   * A new glossary.
   *
   * @param name its name
   * @param shortDescription a one-line description, or null
   * @return the glossary
   */
  public static AtlasGlossary of(String name, String shortDescription) {
    return new AtlasGlossary(
        null,
        null,
        name,
        shortDescription,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
