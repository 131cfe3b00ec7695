package dev.steward.benchmarks.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.purview.implementation.JsonMapper;
import dev.steward.purview.models.AtlasEntitiesWithExtInfo;
import dev.steward.purview.models.QueryResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deserialising Purview responses into Steward's typed models, against {@code
 * ObjectMapper.readTree} of the same bytes (the floor any JSON client pays): a 1,000-entity bulk
 * response ({@code GET /entity/bulk}) and a 1,000-hit search page ({@code POST /search/query}).
 * Report {@code steward*} / {@code readTree*} per payload as the ratio.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ClientDeserializationBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClientDeserializationBenchmark {
  private final ObjectMapper mapper = JsonMapper.get();
  private byte[] bulk;
  private byte[] search;

  /** Builds the two payloads, shaped like the service's (see the 2023-09-01 examples). */
  @Setup
  public void setUp() {
    StringBuilder b = new StringBuilder("{\"referredEntities\":{},\"entities\":[");
    for (int i = 0; i < 1000; i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"typeName\":\"azure_sql_table\",\"guid\":\"7b1c2d3e-0000-4000-8000-")
          .append(String.format("%012d", i))
          .append(
              "\",\"status\":\"ACTIVE\",\"createdBy\":\"ExampleCreator\",\"updatedBy\":\"ExampleUpdator\",")
          .append("\"createTime\":1605766397985,\"updateTime\":1605766397985,\"version\":0,")
          .append("\"lastModifiedTS\":\"1\",\"collectionId\":\"contoso\",\"isIncomplete\":false,")
          .append(
              "\"attributes\":{\"qualifiedName\":\"mssql://srv.database.windows.net/db/dbo/table")
          .append(i)
          .append("\",\"name\":\"table")
          .append(i)
          .append(
              "\",\"description\":null,\"owner\":\"ExampleOwner\",\"principalId\":0,\"objectType\":\"U\",")
          .append(
              "\"createTime\":0,\"modifiedTime\":0,\"replicatedTo\":null,\"replicatedFrom\":null},")
          .append(
              "\"relationshipAttributes\":{\"dbSchema\":{\"guid\":\"s1\",\"typeName\":\"azure_sql_schema\",")
          .append("\"relationshipGuid\":\"r")
          .append(i)
          .append(
              "\",\"relationshipStatus\":\"ACTIVE\",\"displayText\":\"dbo\"},\"columns\":[],\"meanings\":[]},")
          .append(
              "\"classifications\":[{\"typeName\":\"MICROSOFT.PERSONAL.EMAIL\",\"entityGuid\":\"g")
          .append(i)
          .append(
              "\",\"entityStatus\":\"ACTIVE\",\"lastModifiedTS\":\"1\"}],\"labels\":[\"finance\"],")
          .append(
              "\"contacts\":{\"Owner\":[{\"id\":\"30435ff9-7d9d-4a2c-bb9c-3e8b0c2a8f9e\",\"info\":\"\"}]}}");
    }
    bulk = b.append("]}").toString().getBytes(StandardCharsets.UTF_8);

    StringBuilder s =
        new StringBuilder(
            "{\"@search.count\":123456,\"@search.count.approximate\":true,\"continuationToken\":\"eyJ0b2tlbiI6MX0=\",\"value\":[");
    for (int i = 0; i < 1000; i++) {
      s.append(i == 0 ? "" : ",")
          .append("{\"@search.score\":9.27,\"@search.highlights\":{\"name\":[\"<em>sales</em>")
          .append(i)
          .append(
              "\"]},\"objectType\":\"Tables\",\"createTime\":1605766397985,\"updateTime\":1605766397985,")
          .append("\"id\":\"1b7f8a44-0000-4000-8000-")
          .append(String.format("%012d", i))
          .append("\",\"name\":\"sales")
          .append(i)
          .append("\",\"qualifiedName\":\"mssql://srv.database.windows.net/db/dbo/sales")
          .append(i)
          .append(
              "\",\"entityType\":\"azure_sql_table\",\"description\":null,\"owner\":\"ExampleOwner\",")
          .append("\"classification\":[\"MICROSOFT.PERSONAL.EMAIL\"],\"label\":[\"finance\"],")
          .append(
              "\"term\":[{\"name\":\"Revenue\",\"glossaryName\":\"Glossary\",\"guid\":\"t1\"}],")
          .append("\"contact\":[{\"id\":\"30435ff9\",\"info\":\"\",\"contactType\":\"Owner\"}],")
          .append("\"assetType\":[\"Azure SQL Database\"]}");
    }
    search = s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Steward: the bulk response into {@code AtlasEntitiesWithExtInfo}. */
  @Benchmark
  public AtlasEntitiesWithExtInfo stewardBulk() throws IOException {
    return mapper.readValue(bulk, AtlasEntitiesWithExtInfo.class);
  }

  /** Baseline: the bulk response into a {@code JsonNode} tree. */
  @Benchmark
  public JsonNode readTreeBulk() throws IOException {
    return mapper.readTree(bulk);
  }

  /** Steward: the search page into {@code QueryResult}. */
  @Benchmark
  public QueryResult stewardSearch() throws IOException {
    return mapper.readValue(search, QueryResult.class);
  }

  /** Baseline: the search page into a {@code JsonNode} tree. */
  @Benchmark
  public JsonNode readTreeSearch() throws IOException {
    return mapper.readTree(search);
  }
}
