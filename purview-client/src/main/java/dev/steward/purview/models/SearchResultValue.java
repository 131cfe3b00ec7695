package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.steward.purview.implementation.Immutables;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One search (or suggest) hit.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param searchScore the @search.score field
 * @param searchHighlights the @search.highlights field
 * @param searchText the @search.text field
 * @param objectType the objectType field
 * @param createTime the createTime field
 * @param updateTime the updateTime field
 * @param id the id field
 * @param name the name field
 * @param qualifiedName the qualifiedName field
 * @param entityType the entityType field
 * @param description the description field
 * @param endorsement the endorsement field
 * @param owner the owner field
 * @param classification the classification field
 * @param label the label field
 * @param term the term field
 * @param contact the contact field
 * @param assetType the assetType field
 * @param glossaryType the glossaryType field
 * @param glossary the glossary field
 * @param termStatus the termStatus field
 * @param termTemplate the termTemplate field
 * @param longDescription the longDescription field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResultValue(
    @JsonProperty("@search.score") Double searchScore,
    @JsonProperty("@search.highlights") SearchHighlights searchHighlights,
    @JsonProperty("@search.text") String searchText,
    String objectType,
    Long createTime,
    Long updateTime,
    String id,
    String name,
    String qualifiedName,
    String entityType,
    String description,
    String endorsement,
    String owner,
    List<String> classification,
    List<String> label,
    List<TermSearchResultValue> term,
    List<ContactSearchResultValue> contact,
    List<String> assetType,
    String glossaryType,
    String glossary,
    String termStatus,
    List<String> termTemplate,
    String longDescription,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public SearchResultValue {
    classification = Immutables.list(classification);
    label = Immutables.list(label);
    term = Immutables.list(term);
    contact = Immutables.list(contact);
    assetType = Immutables.list(assetType);
    termTemplate = Immutables.list(termTemplate);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /** The {@code createTime} as an instant, or null. @return the creation time */
  public Instant createdAt() {
    return createTime == null ? null : Instant.ofEpochMilli(createTime);
  }

  /** The {@code updateTime} as an instant, or null. @return the update time */
  public Instant updatedAt() {
    return updateTime == null ? null : Instant.ofEpochMilli(updateTime);
  }
}
