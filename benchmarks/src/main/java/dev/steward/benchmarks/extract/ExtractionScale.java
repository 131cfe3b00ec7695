package dev.steward.benchmarks.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.governance.extract.CatalogExtractor;
import dev.steward.governance.extract.ExtractionRequest;
import dev.steward.governance.extract.ExtractionResult;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Extraction at scale: N generated entities in the emulator (this JVM), extracted by a child JVM
 * limited to {@code -Xmx128m}, by Steward ({@code CatalogExtractor}) and by a plain JDK {@code
 * HttpClient} replaying the same requests (search pages of 1,000, bulk reads of 100) and writing
 * each entity's JSON as a line. Reports wall time, peak heap and the ratio of the two.
 *
 * <pre>
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar dev.steward.benchmarks.extract.ExtractionScale 100000
 * </pre>
 */
public final class ExtractionScale {

  private ExtractionScale() {}

  /**
   * Runs the comparison.
   *
   * @param args the entity count (default 100000) and the number of rounds (default 2)
   * @throws Exception when a child fails
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path dir = Files.createTempDirectory("steward-extraction-scale");
    long t0 = System.nanoTime();
    try (PurviewEmulator emulator = PurviewEmulator.builder().generate(n).threads(4).start()) {
      System.out.printf(
          Locale.ROOT,
          "emulator: %,d entities generated in %d ms%n",
          n,
          (System.nanoTime() - t0) / 1_000_000);
      List<long[]> steward = new ArrayList<>();
      List<long[]> plain = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        plain.add(child(Plain.class, emulator, dir.resolve("plain-" + round + ".jsonl")));
        steward.add(child(Steward.class, emulator, dir.resolve("steward-" + round + ".jsonl")));
        System.out.printf(
            Locale.ROOT,
            "round %d: plain %,d ms (%,d assets, peak heap %,d MB) | steward %,d ms (%,d assets, peak heap %,d MB)%n",
            round,
            plain.get(round - 1)[0],
            plain.get(round - 1)[1],
            plain.get(round - 1)[2] >> 20,
            steward.get(round - 1)[0],
            steward.get(round - 1)[1],
            steward.get(round - 1)[2] >> 20);
      }
      long bestSteward = steward.stream().mapToLong(r -> r[0]).min().orElseThrow();
      long bestPlain = plain.stream().mapToLong(r -> r[0]).min().orElseThrow();
      long peak = steward.stream().mapToLong(r -> r[2]).max().orElseThrow();
      System.out.printf(
          Locale.ROOT,
          "best of %d: steward %,d ms, plain HttpClient %,d ms, ratio %.2fx; steward peak heap %,d MB under -Xmx128m%n",
          rounds,
          bestSteward,
          bestPlain,
          (double) bestSteward / bestPlain,
          peak >> 20);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static long[] child(Class<?> main, PurviewEmulator emulator, Path out) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                main.getName(),
                emulator.endpoint(),
                emulator.token(),
                out.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String line =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(main.getSimpleName() + " failed: " + line);
    }
    String[] last = line.lines().reduce((a, b) -> b).orElseThrow().split(" ");
    return Arrays.stream(last).mapToLong(Long::parseLong).toArray();
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  /** Steward's extraction, in a child JVM. */
  public static final class Steward {
    private Steward() {}

    /**
     * Extracts and prints "millis assets peakHeapBytes".
     *
     * @param args endpoint, token, output file
     */
    public static void main(String[] args) {
      long start = System.nanoTime();
      var client =
          new PurviewDataMapClientBuilder()
              .endpoint(args[0])
              .credential(new StaticTokenCredential(args[1]))
              .allowInsecureLoopback(true)
              .buildClient();
      ExtractionResult result =
          CatalogExtractor.builder(client)
              .build()
              .extractToFile(ExtractionRequest.builder().build(), Path.of(args[2]));
      System.out.println(
          (System.nanoTime() - start) / 1_000_000 + " " + result.total() + " " + peakHeap());
    }
  }

  /** The baseline: the same requests with the JDK HttpClient and Jackson trees, in a child JVM. */
  public static final class Plain {
    private Plain() {}

    /**
     * Extracts and prints "millis assets peakHeapBytes".
     *
     * @param args endpoint, token, output file
     * @throws Exception when a request fails
     */
    public static void main(String[] args) throws Exception {
      long start = System.nanoTime();
      String base = args[0] + "/datamap/api";
      String auth = "Bearer " + args[1];
      HttpClient http = HttpClient.newHttpClient();
      ObjectMapper json = new ObjectMapper();
      long count = 0;
      try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]))) {
        String token = null;
        do {
          ObjectNode body = json.createObjectNode().put("limit", 1000);
          if (token != null) {
            body.put("continuationToken", token);
          }
          JsonNode page =
              send(
                  http,
                  json,
                  HttpRequest.newBuilder(URI.create(base + "/search/query?api-version=2023-09-01"))
                      .header("Authorization", auth)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                      .build());
          List<String> guids = new ArrayList<>();
          for (JsonNode hit : page.path("value")) {
            guids.add(hit.path("id").asText());
          }
          for (int i = 0; i < guids.size(); i += 100) {
            StringBuilder query =
                new StringBuilder(base + "/atlas/v2/entity/bulk?api-version=2023-09-01");
            for (String guid : guids.subList(i, Math.min(guids.size(), i + 100))) {
              query.append("&guid=").append(URLEncoder.encode(guid, StandardCharsets.UTF_8));
            }
            JsonNode bulk =
                send(
                    http,
                    json,
                    HttpRequest.newBuilder(URI.create(query.toString()))
                        .header("Authorization", auth)
                        .GET()
                        .build());
            for (JsonNode entity : bulk.path("entities")) {
              out.write(entity.toString());
              out.write('\n');
              count++;
            }
          }
          token =
              page.hasNonNull("continuationToken") ? page.get("continuationToken").asText() : null;
        } while (token != null);
      }
      System.out.println((System.nanoTime() - start) / 1_000_000 + " " + count + " " + peakHeap());
    }

    private static JsonNode send(HttpClient http, ObjectMapper json, HttpRequest request)
        throws IOException, InterruptedException {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode() + " for " + request.uri());
      }
      return json.readTree(response.body());
    }
  }
}
