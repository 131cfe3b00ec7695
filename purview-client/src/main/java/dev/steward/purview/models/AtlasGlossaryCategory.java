package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.List;
import java.util.Map;

/**
 * A glossary category.
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
 * @param anchor the anchor field
 * @param parentCategory the parentCategory field
 * @param childrenCategories the childrenCategories field
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
public record AtlasGlossaryCategory(
    String guid,
    String qualifiedName,
    String name,
    String shortDescription,
    String longDescription,
    AtlasGlossaryHeader anchor,
    AtlasRelatedCategoryHeader parentCategory,
    List<AtlasRelatedCategoryHeader> childrenCategories,
    List<AtlasRelatedTermHeader> terms,
    List<AtlasClassification> classifications,
    String createdBy,
    String updatedBy,
    Long createTime,
    Long updateTime,
    String lastModifiedTS,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasGlossaryCategory {
    childrenCategories = Immutables.list(childrenCategories);
    terms = Immutables.list(terms);
    classifications = Immutables.list(classifications);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /**
   * A new category in a glossary.
   *
   * @param glossaryGuid the glossary
   * @param name the category name
   * @return the category
   */
  public static AtlasGlossaryCategory of(String glossaryGuid, String name) {
    return new AtlasGlossaryCategory(
        null,
        null,
        name,
        null,
        null,
        new AtlasGlossaryHeader(glossaryGuid, null, null, null),
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
