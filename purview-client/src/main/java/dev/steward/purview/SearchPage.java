package dev.steward.purview;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.rest.PagedResponseBase;
import dev.steward.purview.models.QueryResult;
import dev.steward.purview.models.SearchResultValue;
import java.util.List;

/**
 * One page of a discovery query: its hits plus the whole {@link QueryResult} (total count, its
 * approximate flag, facets).
 */
public final class SearchPage extends PagedResponseBase<Void, SearchResultValue> {
  private final QueryResult result;
  private final int pageNumber;

  SearchPage(
      HttpRequest request, int status, HttpHeaders headers, QueryResult result, int pageNumber) {
    super(
        request,
        status,
        headers,
        result.value() == null ? List.of() : result.value(),
        result.nextPageToken(),
        null);
    this.result = result;
    this.pageNumber = pageNumber;
  }

  /**
   * The page as the service sent it.
   *
   * @return the result
   */
  public QueryResult result() {
    return result;
  }

  /**
   * The 1-based number of this page.
   *
   * @return the page number
   */
  public int pageNumber() {
    return pageNumber;
  }

  /**
   * {@code @search.count}: the total number of hits (not of this page).
   *
   * @return the count, or null if not sent
   */
  public Integer totalCount() {
    return result.searchCount();
  }

  /**
   * {@code @search.count.approximate}: whether {@link #totalCount()} is an estimate.
   *
   * @return true when approximate (false when not sent)
   */
  public boolean totalCountApproximate() {
    return Boolean.TRUE.equals(result.searchCountApproximate());
  }
}
