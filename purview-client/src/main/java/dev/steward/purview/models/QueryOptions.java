package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A discovery (search) query: keywords, a filter, facets, an order and a page size.
 *
 * <p>Build one with {@link #builder()}. The client sends the same body for every page and only adds
 * the {@code continuationToken}; leave that field null when you call {@code query}.
 *
 * @param keywords the keywords, or null (or {@code "*"}) for everything
 * @param limit the page size, 1 to 1000 (the service's default is 50)
 * @param continuationToken the token of the page to fetch; null for the first page
 * @param orderby sort clauses such as {@code {"name": "ASC"}}
 * @param filter the filter, free-form JSON as the service documents it (maps, lists, scalars)
 * @param facets facets to compute
 * @param taxonomySetting taxonomy settings
 * @param additionalProperties fields not modelled above, sent as given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryOptions(
    String keywords,
    Integer limit,
    String continuationToken,
    List<Object> orderby,
    Object filter,
    List<SearchFacetItem> facets,
    SearchTaxonomySetting taxonomySetting,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** The largest page the service accepts. */
  public static final int MAX_LIMIT = 1000;

  /** Checks the limit and normalises collections. */
  public QueryOptions {
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      throw new IllegalArgumentException(
          "QueryOptions.limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    orderby = Immutables.list(orderby);
    facets = Immutables.list(facets);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /**
   * A query for keywords with the service's defaults.
   *
   * @param keywords the keywords
   * @return the options
   */
  public static QueryOptions of(String keywords) {
    return builder().keywords(keywords).build();
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The same query for another page.
   *
   * @param token the continuation token, or null for the first page
   * @return a copy with the token
   */
  public QueryOptions withContinuationToken(String token) {
    return new QueryOptions(
        keywords, limit, token, orderby, filter, facets, taxonomySetting, additionalProperties);
  }

  /** Builds {@link QueryOptions}. */
  public static final class Builder {
    private String keywords;
    private Integer limit;
    private final List<Object> orderby = new ArrayList<>();
    private Object filter;
    private final List<SearchFacetItem> facets = new ArrayList<>();
    private SearchTaxonomySetting taxonomySetting;

    private Builder() {}

    /** Sets the keywords. @param value keywords @return this builder */
    public Builder keywords(String value) {
      this.keywords = value;
      return this;
    }

    /** Sets the page size (1 to 1000). @param value page size @return this builder */
    public Builder limit(int value) {
      this.limit = value;
      return this;
    }

    /**
     * Sets the filter, e.g. {@code Map.of("entityType", "azure_sql_table")} or {@code Map.of("and",
     * List.of(...))}.
     *
     * @param value the filter as JSON-serialisable values
     * @return this builder
     */
    public Builder filter(Object value) {
      this.filter = value;
      return this;
    }

    /**
     * Adds a sort clause.
     *
     * @param field the field, e.g. {@code name} or {@code updateTime}
     * @param ascending true for ASC
     * @return this builder
     */
    public Builder orderBy(String field, boolean ascending) {
      Map<String, Object> clause = new LinkedHashMap<>();
      clause.put(field, ascending ? "ASC" : "DESC");
      orderby.add(clause);
      return this;
    }

    /**
     * Adds a facet.
     *
     * @param facet the field, e.g. {@code assetType}
     * @param count the number of buckets
     * @return this builder
     */
    public Builder facet(String facet, int count) {
      facets.add(new SearchFacetItem(count, facet, null, null));
      return this;
    }

    /** Sets the taxonomy setting. @param value the setting @return this builder */
    public Builder taxonomySetting(SearchTaxonomySetting value) {
      this.taxonomySetting = value;
      return this;
    }

    /** Builds the options. @return the options */
    public QueryOptions build() {
      return new QueryOptions(
          keywords,
          limit,
          null,
          orderby.isEmpty() ? null : orderby,
          filter,
          facets.isEmpty() ? null : facets,
          taxonomySetting,
          null);
    }
  }
}
