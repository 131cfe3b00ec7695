package dev.steward.purview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.purview.implementation.RouteTemplates;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {
  @Test
  void variableSegmentsNeverReachTheOperationName() {
    assertThat(RouteTemplates.operation("/datamap/api/atlas/v2/entity/guid/5b7e-11"))
        .isEqualTo("entity.guid");
    assertThat(
            RouteTemplates.operation(
                "/datamap/api/atlas/v2/entity/uniqueAttribute/type/azure_sql_table"))
        .isEqualTo("entity.uniqueAttribute.type");
    assertThat(
            RouteTemplates.operation(
                "/datamap/api/atlas/v2/entity/guid/g1/classification/MICROSOFT.PERSONAL.EMAIL"))
        .isEqualTo("entity.guid.classification");
    assertThat(RouteTemplates.operation("/datamap/api/search/query")).isEqualTo("search.query");
    assertThat(RouteTemplates.operation("/datamap/api/lineage/g1/next")).isEqualTo("lineage.next");
    assertThat(RouteTemplates.operation("/datamap/api/atlas/v2/types/typedef/name/my_type"))
        .isEqualTo("types.typedef.name");
  }

  @Test
  void anUnknownPathIsOther() {
    assertThat(RouteTemplates.operation("/x/y/z")).isEqualTo("other");
    assertThat(RouteTemplates.operation(null)).isEqualTo("other");
  }
}
