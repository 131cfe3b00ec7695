package dev.steward.purview;

import static com.azure.core.http.HttpMethod.POST;

import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import dev.steward.purview.implementation.PurviewHttp;
import dev.steward.purview.implementation.PurviewHttp.Kind;
import dev.steward.purview.models.AutoCompleteOptions;
import dev.steward.purview.models.AutoCompleteResult;
import dev.steward.purview.models.QueryOptions;
import dev.steward.purview.models.QueryResult;
import dev.steward.purview.models.SearchResultValue;
import dev.steward.purview.models.SuggestOptions;
import dev.steward.purview.models.SuggestResult;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Discovery: search with automatic paging, suggest and autocomplete. Obtain from {@link
 * PurviewDataMapClient#discovery()}.
 */
public final class DiscoveryOperations {
  private final PurviewHttp http;

  DiscoveryOperations(PurviewHttp http) {
    this.http = http;
  }

  /**
   * Searches, following {@code continuationToken} page after page until the service stops sending
   * one. Every page is requested with the same body plus the token. A page with no hits but a token
   * is followed; a token the service already sent ends the iteration with a {@link PagingException}
   * instead of looping forever. Iterate by item, or by page with {@code iterableByPage()} (each
   * page is a {@link SearchPage} with the total count and facets). Each iteration fetches the pages
   * again; iterate one result from one thread at a time.
   *
   * @param options the query; its {@code continuationToken} is the starting point (normally null)
   * @return the hits, fetched lazily
   */
  public PagedIterable<SearchResultValue> query(QueryOptions options) {
    return query(options, Context.NONE);
  }

  /**
   * Searches with automatic paging (see {@link #query(QueryOptions)}).
   *
   * @param options the query
   * @param context the call context, used for every page
   * @return the hits, fetched lazily
   */
  public PagedIterable<SearchResultValue> query(QueryOptions options, Context context) {
    Objects.requireNonNull(options, "options");
    Set<String> seen = new HashSet<>();
    int[] pages = {0};
    return new PagedIterable<>(
        () -> {
          // Each iteration starts over: forget the tokens of an earlier one.
          seen.clear();
          pages[0] = 0;
          if (options.continuationToken() != null) {
            seen.add(options.continuationToken());
          }
          return page(options, options.continuationToken(), seen, pages, context);
        },
        token -> page(options, token, seen, pages, context));
  }

  private PagedResponse<SearchResultValue> page(
      QueryOptions options, String token, Set<String> seen, int[] pages, Context context) {
    Response<QueryResult> r = queryWithResponse(options.withContinuationToken(token), context);
    pages[0]++;
    String next = r.getValue().nextPageToken();
    if (next != null && (next.equals(token) || !seen.add(next))) {
      String requestId =
          r.getHeaders().getValue(com.azure.core.http.HttpHeaderName.fromString("x-ms-request-id"));
      throw new PagingException(
          "Purview search paging stopped: page "
              + pages[0]
              + " returned a continuation token that"
              + " an earlier page already returned ("
              + abbreviate(next)
              + "); following it would loop"
              + " forever."
              + (requestId == null ? "" : " Request id " + requestId + "."),
          null,
          null,
          null,
          requestId);
    }
    return new SearchPage(
        r.getRequest(), r.getStatusCode(), r.getHeaders(), r.getValue(), pages[0]);
  }

  private static String abbreviate(String token) {
    return token.length() <= 16 ? token : token.substring(0, 16) + "...";
  }

  /**
   * One page of search results, for callers that page by hand with {@code continuationToken}.
   *
   * @param options the query, with the token of the page wanted
   * @return the page
   */
  public QueryResult queryPage(QueryOptions options) {
    return queryWithResponse(options, Context.NONE).getValue();
  }

  /**
   * One page of search results.
   *
   * @param options the query, with the token of the page wanted
   * @param context the call context
   * @return the response
   */
  public Response<QueryResult> queryWithResponse(QueryOptions options, Context context) {
    return http.call(POST, "/search/query", Kind.OTHER)
        .body(Objects.requireNonNull(options, "options"))
        .send(QueryResult.class, context);
  }

  /**
   * Suggestions for a keyword prefix.
   *
   * @param options keywords, limit, filter
   * @return the suggestions
   */
  public SuggestResult suggest(SuggestOptions options) {
    return suggestWithResponse(options, Context.NONE).getValue();
  }

  /**
   * Suggestions for a keyword prefix.
   *
   * @param options keywords, limit, filter
   * @param context the call context
   * @return the response
   */
  public Response<SuggestResult> suggestWithResponse(SuggestOptions options, Context context) {
    return http.call(POST, "/search/suggest", Kind.OTHER)
        .body(Objects.requireNonNull(options, "options"))
        .send(SuggestResult.class, context);
  }

  /**
   * Completions for a keyword prefix.
   *
   * @param options keywords, limit, filter
   * @return the completions
   */
  public AutoCompleteResult autoComplete(AutoCompleteOptions options) {
    return autoCompleteWithResponse(options, Context.NONE).getValue();
  }

  /**
   * Completions for a keyword prefix.
   *
   * @param options keywords, limit, filter
   * @param context the call context
   * @return the response
   */
  public Response<AutoCompleteResult> autoCompleteWithResponse(
      AutoCompleteOptions options, Context context) {
    return http.call(POST, "/search/autocomplete", Kind.OTHER)
        .body(Objects.requireNonNull(options, "options"))
        .send(AutoCompleteResult.class, context);
  }
}
