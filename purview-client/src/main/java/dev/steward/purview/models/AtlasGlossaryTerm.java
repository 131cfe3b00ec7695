package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.List;
import java.util.Map;

/**
 * A glossary term.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param guid the guid field
 * @param qualifiedName the qualifiedName field
 * @param name the name field
 * @param nickName the nickName field
 * @param shortDescription the shortDescription field
 * @param longDescription the longDescription field
 * @param abbreviation the abbreviation field
 * @param usage the usage field
 * @param status the status field
 * @param examples the examples field
 * @param anchor the anchor field
 * @param categories the categories field
 * @param assignedEntities the assignedEntities field
 * @param attributes the attributes field
 * @param contacts the contacts field
 * @param resources the resources field
 * @param seeAlso the seeAlso field
 * @param synonyms the synonyms field
 * @param antonyms the antonyms field
 * @param preferredTerms the preferredTerms field
 * @param preferredToTerms the preferredToTerms field
 * @param replacementTerms the replacementTerms field
 * @param replacedBy the replacedBy field
 * @param translationTerms the translationTerms field
 * @param translatedTerms the translatedTerms field
 * @param isA the isA field
 * @param classifies the classifies field
 * @param validValues the validValues field
 * @param validValuesFor the validValuesFor field
 * @param classifications the classifications field
 * @param createdBy the createdBy field
 * @param updatedBy the updatedBy field
 * @param createTime the createTime field
 * @param updateTime the updateTime field
 * @param lastModifiedTS the lastModifiedTS field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasGlossaryTerm(
    String guid,
    String qualifiedName,
    String name,
    String nickName,
    String shortDescription,
    String longDescription,
    String abbreviation,
    String usage,
    String status,
    List<String> examples,
    AtlasGlossaryHeader anchor,
    List<AtlasTermCategorizationHeader> categories,
    List<AtlasRelatedObjectId> assignedEntities,
    Map<String, Map<String, Object>> attributes,
    Map<String, List<ContactInfo>> contacts,
    List<Map<String, Object>> resources,
    List<AtlasRelatedTermHeader> seeAlso,
    List<AtlasRelatedTermHeader> synonyms,
    List<AtlasRelatedTermHeader> antonyms,
    List<AtlasRelatedTermHeader> preferredTerms,
    List<AtlasRelatedTermHeader> preferredToTerms,
    List<AtlasRelatedTermHeader> replacementTerms,
    List<AtlasRelatedTermHeader> replacedBy,
    List<AtlasRelatedTermHeader> translationTerms,
    List<AtlasRelatedTermHeader> translatedTerms,
    List<AtlasRelatedTermHeader> isA,
    List<AtlasRelatedTermHeader> classifies,
    List<AtlasRelatedTermHeader> validValues,
    List<AtlasRelatedTermHeader> validValuesFor,
    List<AtlasClassification> classifications,
    String createdBy,
    String updatedBy,
    Long createTime,
    Long updateTime,
    String lastModifiedTS,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasGlossaryTerm {
    examples = Immutables.list(examples);
    categories = Immutables.list(categories);
    assignedEntities = Immutables.list(assignedEntities);
    attributes = Immutables.map(attributes);
    contacts = Immutables.map(contacts);
    resources = Immutables.list(resources);
    seeAlso = Immutables.list(seeAlso);
    synonyms = Immutables.list(synonyms);
    antonyms = Immutables.list(antonyms);
    preferredTerms = Immutables.list(preferredTerms);
    preferredToTerms = Immutables.list(preferredToTerms);
    replacementTerms = Immutables.list(replacementTerms);
    replacedBy = Immutables.list(replacedBy);
    translationTerms = Immutables.list(translationTerms);
    translatedTerms = Immutables.list(translatedTerms);
    isA = Immutables.list(isA);
    classifies = Immutables.list(classifies);
    validValues = Immutables.list(validValues);
    validValuesFor = Immutables.list(validValuesFor);
    classifications = Immutables.list(classifications);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /**
   * A new term in a glossary.
   *
   * @param glossaryGuid the glossary
   * @param name the term name
   * @return the term
   */
  public static AtlasGlossaryTerm of(String glossaryGuid, String name) {
    return new AtlasGlossaryTerm(
        null,
        null,
        name,
        null,
        null,
        null,
        null,
        null,
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
        null,
        null,
        null,
        null,
        null);
  }
}
