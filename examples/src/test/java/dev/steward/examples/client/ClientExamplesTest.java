package dev.steward.examples.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.emulator.PurviewEmulator;
import dev.steward.purview.models.AtlasClassification;
import dev.steward.purview.models.QueryOptions;
import dev.steward.purview.models.SearchResultValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client examples, against the Purview emulator over real HTTP on loopback. */
class ClientExamplesTest {
  static PurviewEmulator purview;

  @BeforeAll
  static void start() {
    purview = PurviewEmulator.builder().seed("demo").start();
  }

  @AfterAll
  static void stop() {
    purview.close();
  }

  PurviewDataMapClient client() {
    return AuthenticationExample.withEmulator(purview.endpoint(), purview.token());
  }

  @Test
  void emulatorAuthenticationReadsTypes() {
    assertThat(client().typeDefinitions().list().entityDefs()).isNotEmpty();
  }

  @Test
  void cloudCredentialsBuildWithoutContactingAnything() {
    assertThat(AuthenticationExample.withClientSecret("contoso", "tenant", "client", "secret"))
        .isNotNull();
    assertThat(AuthenticationExample.withManagedIdentity("contoso", null)).isNotNull();
    assertThat(
            AuthenticationExample.withDefaultAzureCredential("https://contoso.purview.azure.com"))
        .isNotNull();
  }

  @Test
  void searchPagingCollectsEveryPage() {
    List<String> tables = SearchPagingExample.allSqlTables(client());
    assertThat(tables).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
    assertThat(tables).allMatch(q -> q.startsWith("mssql://"));
    assertThat(SearchPagingExample.pageSummaries(client(), "sales"))
        .isNotEmpty()
        .first()
        .asString()
        .startsWith("page 1:");
  }

  @Test
  void errorHandlingRetriesAndMapsNotFound() {
    PurviewDataMapClient client =
        ErrorHandlingExample.resilientClient(purview.endpoint(), purview.token());
    purview.faults().failNext(2);
    assertThat(ErrorHandlingExample.findEntity(client, "no-such-guid")).isEmpty();
  }

  @Test
  void classifyingTwiceIsIdempotent() {
    PurviewDataMapClient client = client();
    SearchResultValue table =
        client
            .discovery()
            .query(
                QueryOptions.builder()
                    .filter(Map.of("entityType", "azure_sql_table"))
                    .limit(1)
                    .build())
            .stream()
            .findFirst()
            .orElseThrow();
    ErrorHandlingExample.classify(client, table.id(), "MICROSOFT.PERSONAL.EMAIL");
    ErrorHandlingExample.classify(client, table.id(), "MICROSOFT.PERSONAL.EMAIL");
    assertThat(client.entities().getClassifications(table.id()).list())
        .extracting(AtlasClassification::typeName)
        .containsOnlyOnce("MICROSOFT.PERSONAL.EMAIL");
  }
}
