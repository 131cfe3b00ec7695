package dev.steward.purview.emulator.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {
  @Test
  void everyOperationOfTheSpecificationHasAHandler() {
    Router router = Api.routes(new DataMap(() -> 0L, 1, "root"));
    Set<String> operations = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (Router.Route route : router.routes()) {
      assertThat(route.handler()).as(route.operationId()).isNotNull();
      operations.add(route.operationId());
      keys.add(route.key());
    }
    // purviewdatamap.json 2023-09-01 declares 96 operations.
    assertThat(operations).hasSize(96);
    assertThat(keys).hasSize(96);
  }

  @Test
  void literalSegmentsWinOverParameters() {
    Router router = Api.routes(new DataMap(() -> 0L, 1, "root"));
    assertThat(router.match("POST", "/atlas/v2/glossary/terms").route().operationId())
        .isEqualTo("Glossary_CreateTerms");
    assertThat(router.match("GET", "/atlas/v2/glossary/abc").route().operationId())
        .isEqualTo("Glossary_Get");
    assertThat(router.match("GET", "/atlas/v2/entity/bulk").route().operationId())
        .isEqualTo("Entity_ListByGuids");
    assertThat(router.match("GET", "/atlas/v2/types/termtemplatedef/name/x")).isNull();
    assertThat(router.match("GET", "/types/termtemplatedef/name/MS%20KPI").params())
        .containsEntry("name", "MS KPI");
    assertThat(router.match("PATCH", "/atlas/v2/entity").route()).isNull();
  }
}
