package dev.steward.examples.client;

import com.azure.core.http.rest.PagedResponse;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.SearchPage;
import dev.steward.purview.emulator.PurviewEmulator;
import dev.steward.purview.models.QueryOptions;
import dev.steward.purview.models.SearchResultValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Search with automatic paging: the client follows {@code continuationToken} until the last page,
 * sending the same query each time, and stops with a clear error if the service repeats a token.
 */
public final class SearchPagingExample {
  private SearchPagingExample() {}

  /**
   * The qualified names of every Azure SQL table, however many pages that takes.
   *
   * @param client the client
   * @return the qualified names, in the service's order
   */
  public static List<String> allSqlTables(PurviewDataMapClient client) {
    // snippet:begin search-all-pages
    QueryOptions query =
        QueryOptions.builder()
            .keywords("*")
            .filter(Map.of("entityType", "azure_sql_table"))
            .orderBy("name", true)
            .limit(2) // small pages to show paging; up to 1000 in real jobs
            .build();
    List<String> names = new ArrayList<>();
    for (SearchResultValue hit : client.discovery().query(query)) {
      names.add(hit.qualifiedName());
    }
    // snippet:end search-all-pages
    return names;
  }

  /**
   * Page by page, with the total count and whether the service only estimated it.
   *
   * @param client the client
   * @param keywords what to look for
   * @return one line per page
   */
  public static List<String> pageSummaries(PurviewDataMapClient client, String keywords) {
    List<String> lines = new ArrayList<>();
    QueryOptions query = QueryOptions.builder().keywords(keywords).limit(5).build();
    // snippet:begin search-page-by-page
    for (PagedResponse<SearchResultValue> response :
        client.discovery().query(query).iterableByPage()) {
      SearchPage page = (SearchPage) response;
      lines.add(
          "page "
              + page.pageNumber()
              + ": "
              + page.getValue().size()
              + " hits of "
              + page.totalCount()
              + (page.totalCountApproximate() ? " (approximate)" : ""));
    }
    // snippet:end search-page-by-page
    return lines;
  }

  /**
   * Runs both against a seeded emulator.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    try (PurviewEmulator purview = PurviewEmulator.builder().seed("demo").start()) {
      PurviewDataMapClient client =
          AuthenticationExample.withEmulator(purview.endpoint(), purview.token());
      allSqlTables(client).forEach(System.out::println);
      pageSummaries(client, "sales").forEach(System.out::println);
    }
  }
}
