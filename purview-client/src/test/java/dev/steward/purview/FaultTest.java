package dev.steward.purview;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.steward.purview.models.AtlasEntityWithExtInfo;
import dev.steward.purview.models.QueryOptions;
import dev.steward.purview.models.SearchResultValue;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class FaultTest extends WireMockSupport {
  static final String ENTITY =
      "{\"entity\":{\"typeName\":\"azure_sql_table\",\"guid\":\"g1\",\"attributes\":{\"qualifiedName\":\"q\"}}}";
  static final String PATH = "/datamap/api/atlas/v2/entity/guid/g1?api-version=2023-09-01";

  @Test
  void retriesA429AfterTheDelayTheServiceAsksFor() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok").willReturn(okJson(ENTITY)));

    AtlasEntityWithExtInfo e = client().entities().get("g1");

    assertThat(e.entity().guid()).isEqualTo("g1");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    server.verify(2, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void honoursRetryAfterMsHeadersBeforeRetryAfter() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("x-ms-retry-after-ms", "250")
                    .withHeader("Retry-After", "9"))
            .willSetStateTo("two"));
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs("two")
            .willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "1500"))
            .willSetStateTo("three"));
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs("three")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "Mon, 23 Nov 2026 00:00:03 GMT"))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok").willReturn(okJson(ENTITY)));

    client().entities().get("g1");

    // The HTTP date is 3 s after the fake clock's start, which by then has moved 1.75 s.
    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(250), Duration.ofMillis(1500), Duration.ofMillis(1250));
  }

  @Test
  void retries503WithExponentialBackoffAndFullJitter() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("2"));
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs("2")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("3"));
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs("3")
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok").willReturn(okJson(ENTITY)));

    assertThat(client().entities().get("g1").entity().guid()).isEqualTo("g1");

    // jitter 0.5 of 800 ms, 1600 ms, 3200 ms
    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1600));
  }

  @Test
  void exhaustedRetriesOn429AreAThrottledException() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1")
                    .withHeader("x-ms-request-id", "rid-429")
                    .withBody(
                        "{\"requestId\":\"rid-body\",\"errorCode\":\"ATLAS-429-00-001\",\"errorMessage\":\"slow down\"}")));

    assertThatThrownBy(() -> client().entities().get("g1"))
        .isInstanceOfSatisfying(
            ThrottledException.class,
            e -> {
              assertThat(e.attempts()).isEqualTo(5);
              assertThat(e.statusCode()).isEqualTo(429);
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
              assertThat(e.requestId()).isEqualTo("rid-body");
              assertThat(e.errorCode()).isEqualTo("ATLAS-429-00-001");
              assertThat(e.getMessage())
                  .contains("gave up after 5 attempts", "rateLimit", "request id rid-body");
            });
    assertThat(sleeps).hasSize(4);
    server.verify(5, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void totalTimeBudgetStopsRetriesEarly() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "50")));

    assertThatThrownBy(
            () ->
                builder()
                    .retry(PurviewRetryOptions.defaults().withMaxElapsed(Duration.ofSeconds(120)))
                    .buildClient()
                    .entities()
                    .get("g1"))
        .isInstanceOfSatisfying(
            ThrottledException.class, e -> assertThat(e.attempts()).isEqualTo(3));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(50), Duration.ofSeconds(50));
  }

  @Test
  void connectionCutMidBodyIsRetried() {
    // Status line and headers arrive, then the body breaks off and the connection closes.
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok").willReturn(okJson(ENTITY)));

    assertThat(client().entities().get("g1").entity().guid()).isEqualTo("g1");
    assertThat(sleeps).containsExactly(Duration.ofMillis(400));
    server.verify(2, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void connectionFailuresThatNeverStopEndInAClearError() {
    server.stubFor(
        get(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(
            () ->
                builder()
                    .retry(PurviewRetryOptions.defaults().withMaxAttempts(3))
                    .buildClient()
                    .entities()
                    .get("g1"))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("GET /datamap/api/atlas/v2/entity/guid/g1 failed after 3 attempt(s)");
  }

  @Test
  void truncatedJsonIsAnErrorWithTheRequestIdNeverAHalfFilledObject() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-ms-request-id", "rid-trunc")
                    .withBody(ENTITY.substring(0, 60))));

    assertThatThrownBy(() -> client().entities().get("g1"))
        .isInstanceOfSatisfying(
            MalformedResponseException.class,
            e -> {
              assertThat(e.requestId()).isEqualTo("rid-trunc");
              assertThat(e.statusCode()).isEqualTo(200);
              assertThat(e.getMessage())
                  .contains("rid-trunc", "AtlasEntityWithExtInfo", "60-byte body");
            });
  }

  @Test
  void htmlGatewayErrorGivesStatusAndAShortExcerpt() {
    String html =
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
            + "</center>"
            + "x".repeat(5000)
            + "</body></html>";
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withHeader("Content-Type", "text/html")
                    .withBody(html)));

    assertThatThrownBy(
            () -> builder().retry(PurviewRetryOptions.none()).buildClient().entities().get("g1"))
        .isInstanceOfSatisfying(
            PurviewException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(502);
              assertThat(e.errorCode()).isNull();
              assertThat(e.getMessage())
                  .contains(
                      "HTTP 502 Bad Gateway",
                      "non-JSON body (text/html)",
                      "<title>502 Bad Gateway");
              assertThat(e.getMessage().length()).isLessThan(500);
            });
  }

  @Test
  void unauthorizedNamesTheScope() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(() -> client().entities().get("g1"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("https://purview.azure.net/.default");
    server.verify(1, getRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void forbiddenNamesTheRoleNeeded() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"requestId\":\"r403\",\"errorCode\":\"ATLAS-403-00-001\",\"errorMessage\":\"x is not authorized\"}")));

    assertThatThrownBy(() -> client().entities().get("g1"))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("ATLAS-403-00-001");
              assertThat(e.getMessage()).contains("Data Curator", "r403");
            });
  }

  @Test
  void staleLastModifiedIsAConcurrentModification() {
    server.stubFor(
        post(urlPathEqualTo("/datamap/api/atlas/v2/entity"))
            .willReturn(
                aResponse()
                    .withStatus(412)
                    .withBody(
                        "{\"requestId\":\"r412\",\"errorCode\":\"ATLAS-412-00-001\",\"errorMessage\":\"stale\"}")));

    assertThatThrownBy(
            () ->
                client()
                    .entities()
                    .createOrUpdate(
                        dev.steward.purview.models.AtlasEntity.builder("azure_sql_table")
                            .qualifiedName("q")
                            .lastModifiedTS("1")
                            .build()))
        .isInstanceOfSatisfying(
            ConcurrentModificationException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(412);
              assertThat(e.requestId()).isEqualTo("r412");
            });
  }

  @Test
  void notFoundMapsByErrorCode() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody(
                        "{\"requestId\":\"r404\",\"errorCode\":\"ATLAS-404-00-005\",\"errorMessage\":\"Given instance guid g1 is invalid/not found\"}")));
    server.stubFor(
        get(urlPathEqualTo("/datamap/api/atlas/v2/types/typedef/name/nope"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody(
                        "{\"requestId\":\"r\",\"errorCode\":\"ATLAS-404-00-001\",\"errorMessage\":\"Given typename nope was invalid\"}")));

    assertThatThrownBy(() -> client().entities().get("g1"))
        .isInstanceOf(EntityNotFoundException.class)
        .hasMessageContaining("ATLAS-404-00-005");
    assertThatThrownBy(() -> client().typeDefinitions().getByName("nope"))
        .isInstanceOf(TypeNotFoundException.class);
  }

  // ------------------------------------------------------------------ paging

  static String page(int from, int to, String token) {
    StringBuilder values = new StringBuilder();
    for (int i = from; i < to; i++) {
      values
          .append(i == from ? "" : ",")
          .append("{\"id\":\"id")
          .append(i)
          .append("\",\"name\":\"n")
          .append(i)
          .append("\"}");
    }
    return "{\"@search.count\":7,\"@search.count.approximate\":false,"
        + (token == null ? "" : "\"continuationToken\":\"" + token + "\",")
        + "\"value\":["
        + values
        + "]}";
  }

  static final String SEARCH = "/datamap/api/search/query?api-version=2023-09-01";
  static final String BODY =
      "{\"keywords\":\"sales\",\"limit\":3,\"filter\":{\"entityType\":\"azure_sql_table\"}}";

  void stubPage(String tokenInBody, String response) {
    var body =
        tokenInBody == null
            ? equalToJson(BODY)
            : equalToJson(BODY.replace("}}", "},\"continuationToken\":\"" + tokenInBody + "\"}"));
    server.stubFor(post(urlEqualTo(SEARCH)).withRequestBody(body).willReturn(okJson(response)));
  }

  QueryOptions query() {
    return QueryOptions.builder()
        .keywords("sales")
        .limit(3)
        .filter(java.util.Map.of("entityType", "azure_sql_table"))
        .build();
  }

  @Test
  void pagingFollowsTokensWithTheSameBodyAcrossThreePlusPages() {
    stubPage(null, page(0, 3, "t1"));
    stubPage("t1", page(3, 5, "t2"));
    stubPage("t2", page(5, 5, "t3")); // an empty page that still has a token
    stubPage("t3", page(5, 7, null));

    List<String> ids =
        client().discovery().query(query()).stream().map(SearchResultValue::id).toList();

    assertThat(ids).containsExactly("id0", "id1", "id2", "id3", "id4", "id5", "id6");
    server.verify(4, postRequestedFor(urlEqualTo(SEARCH)));
  }

  @Test
  void iteratingTheSameResultTwiceStartsOverWithoutAFalseLoopError() {
    stubPage(null, page(0, 3, "t1"));
    stubPage("t1", page(3, 7, null));
    var results = client().discovery().query(query());

    assertThat(results.stream().count()).isEqualTo(7);
    assertThat(results.stream().count()).isEqualTo(7);
    server.verify(4, postRequestedFor(urlEqualTo(SEARCH)));
  }

  @Test
  void pagesExposeCountAndApproximateFlag() {
    stubPage(null, page(0, 3, "t1"));
    stubPage("t1", page(3, 7, null));

    List<SearchPage> pages =
        StreamSupport.stream(
                client().discovery().query(query()).iterableByPage().spliterator(), false)
            .map(SearchPage.class::cast)
            .toList();

    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).totalCount()).isEqualTo(7);
    assertThat(pages.get(0).totalCountApproximate()).isFalse();
    assertThat(pages.get(1).pageNumber()).isEqualTo(2);
    assertThat(pages.get(1).getContinuationToken()).isNull();
  }

  @Test
  void aRepeatedContinuationTokenIsAClearErrorNotAnEndlessLoop() {
    stubPage(null, page(0, 3, "same"));
    stubPage("same", page(3, 6, "same"));

    assertThatThrownBy(() -> client().discovery().query(query()).stream().count())
        .isInstanceOf(PagingException.class)
        .hasMessageContaining("page 2", "already returned", "loop");
    server.verify(2, postRequestedFor(urlEqualTo(SEARCH)));
  }

  @Test
  void aTokenRepeatedAfterAnotherPageIsAlsoCaught() {
    stubPage(null, page(0, 1, "a"));
    stubPage("a", page(1, 2, "b"));
    stubPage("b", page(2, 3, "a"));

    assertThatThrownBy(() -> client().discovery().query(query()).stream().count())
        .isInstanceOf(PagingException.class)
        .hasMessageContaining("page 3");
  }

  @Test
  void misspelledContinuousTokenIsFollowed() {
    stubPage(null, page(0, 1, null).replace("\"value\"", "\"continuousToken\":\"x\",\"value\""));
    stubPage("x", page(1, 2, null));

    assertThat(client().discovery().query(query()).stream().count()).isEqualTo(2);
  }
}
