package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.steward.purview.implementation.Immutables;
import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param searchCount the @search.count field
 * @param searchCountApproximate the @search.count.approximate field
 * @param continuationToken the continuationToken field
 * @param searchFacets the @search.facets field
 * @param value the value field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryResult(
    @JsonProperty("@search.count") Integer searchCount,
    @JsonProperty("@search.count.approximate") Boolean searchCountApproximate,
    String continuationToken,
    @JsonProperty("@search.facets") Map<String, List<SearchFacetItemValue>> searchFacets,
    List<SearchResultValue> value,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public QueryResult {
    searchFacets = Immutables.map(searchFacets);
    value = Immutables.list(value);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /**
   * The token for the next page, or null on the last page. Also reads the misspelled {@code
   * continuousToken} that some service versions send.
   *
   * @return the next-page token
   */
  public String nextPageToken() {
    if (continuationToken != null) {
      return continuationToken;
    }
    Object misspelled = additionalProperties.get("continuousToken");
    return misspelled instanceof String s ? s : null;
  }
}
