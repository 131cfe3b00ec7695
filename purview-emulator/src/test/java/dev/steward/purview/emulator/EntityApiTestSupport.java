package dev.steward.purview.emulator;

import static org.assertj.core.api.Assertions.assertThat;

final class EntityApiTestSupport {
  private EntityApiTestSupport() {}

  static String create(Http http, String type, String qn, String name) {
    Http.Response r =
        http.post(
            "/atlas/v2/entity",
            Http.json(
                "{'entity':{'typeName':'"
                    + type
                    + "','attributes':{'qualifiedName':'"
                    + qn
                    + "','name':'"
                    + name
                    + "'}}}"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("mutatedEntities").path("CREATE").get(0).path("guid").asText();
  }
}
