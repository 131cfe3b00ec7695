package dev.steward.benchmarks.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.steward.purview.emulator.PurviewEmulator;
import dev.steward.purview.emulator.implementation.DataMap;
import dev.steward.purview.emulator.implementation.Seeds;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small load test of the Purview emulator on loopback (a JMH harness would measure the client
 * more than the server). It measures, in one run:
 *
 * <ol>
 *   <li>entity GETs per second served by the emulator, with the same client against a bare JDK
 *       {@code HttpServer} that answers a fixed byte array as the baseline (the ratio shows what
 *       the emulator costs on top of the HTTP stack);
 *   <li>the latency of a 1,000-result search page over 100,000 entities (first and a deep page);
 *   <li>heap per entity beyond its JSON, for 100,000 generated entities.
 * </ol>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.steward.benchmarks.emulator.EmulatorLoadTest [seconds] [clientThreads]}.
 */
public final class EmulatorLoadTest {
  private static final int ENTITIES = 100_000;

  private EmulatorLoadTest() {}

  /**
   * Runs the measurements and prints the figures.
   *
   * @param args optional: seconds per throughput phase (default 5), client threads (default 4)
   * @throws Exception on any failure
   */
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    try (PurviewEmulator emulator = PurviewEmulator.builder().generate(ENTITIES).start()) {
      String query = emulator.endpoint() + "/datamap/api/search/query?api-version=2023-09-01";
      List<String> guids = guids(client, emulator, query, 1000);
      List<URI> entityUris = new ArrayList<>();
      for (String guid : guids) {
        entityUris.add(
            URI.create(emulator.endpoint() + "/datamap/api/atlas/v2/entity/guid/" + guid));
      }
      byte[] sample =
          client
              .send(
                  get(entityUris.get(0), emulator.token()), HttpResponse.BodyHandlers.ofByteArray())
              .body();

      HttpServer bare = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
      ExecutorService bareExecutor =
          Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
      bare.setExecutor(bareExecutor);
      bare.createContext(
          "/",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, sample.length);
            exchange.getResponseBody().write(sample);
            exchange.close();
          });
      bare.start();
      List<URI> bareUris =
          List.of(URI.create("http://127.0.0.1:" + bare.getAddress().getPort() + "/entity"));

      throughput(client, bareUris, "x", threads, 1); // warm-up
      throughput(client, entityUris, emulator.token(), threads, 1);
      double baseline = throughput(client, bareUris, "x", threads, seconds);
      double served = throughput(client, entityUris, emulator.token(), threads, seconds);
      // The JDK client costs more CPU than the server; raw keep-alive sockets show the server's
      // capacity.
      rawThroughput(bareUris, "x", threads, 1);
      rawThroughput(entityUris, emulator.token(), threads, 1);
      double rawBaseline = rawThroughput(bareUris, "x", threads, seconds);
      double rawServed = rawThroughput(entityUris, emulator.token(), threads, seconds);
      System.out.printf(
          "entity GET, raw keep-alive sockets: emulator %.0f req/s, bare JDK HttpServer %.0f req/s (%d threads): ratio %.2f%n",
          rawServed, rawBaseline, threads, rawServed / rawBaseline);
      bare.stop(0);
      bareExecutor.shutdownNow();
      System.out.printf(
          "entity GET, java.net.http client: emulator %.0f req/s, bare JDK HttpServer %.0f req/s (same client, %d threads): ratio %.2f%n",
          served, baseline, threads, served / baseline);

      String firstPage = "{\"limit\":1000}";
      String filtered =
          "{\"limit\":1000,\"filter\":{\"and\":[{\"objectType\":\"Tables\"},{\"not\":{\"classification\":\"MICROSOFT.PERSONAL.EMAIL\"}}]},\"orderby\":[{\"name\":\"ASC\"}]}";
      for (int i = 0; i < 20; i++) {
        post(client, query, emulator.token(), firstPage);
        post(client, query, emulator.token(), filtered);
      }
      System.out.printf(
          "search, 1,000 hits of %,d entities, no filter: median %.1f ms%n",
          ENTITIES, median(client, query, emulator.token(), firstPage));
      System.out.printf(
          "search, 1,000 hits, filter + orderby name: median %.1f ms%n",
          median(client, query, emulator.token(), filtered));
      String token = continuation(client, query, emulator.token(), "{\"limit\":1000}", 50);
      String deep = "{\"limit\":1000,\"continuationToken\":\"" + token + "\"}";
      System.out.printf(
          "search, page 51 of 100 (continuation token): median %.1f ms%n",
          median(client, query, emulator.token(), deep));
    }

    heapPerEntity();
  }

  private static HttpRequest get(URI uri, String token) {
    return HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30))
        .GET()
        .build();
  }

  private static String post(HttpClient client, String url, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private static List<String> guids(
      HttpClient client, PurviewEmulator emulator, String query, int n) throws Exception {
    String page = post(client, query, emulator.token(), "{\"limit\":" + n + "}");
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"qualifiedName\"").matcher(page);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String continuation(
      HttpClient client, String query, String token, String body, int pages) throws Exception {
    String current = body;
    String next = null;
    for (int i = 0; i < pages; i++) {
      String page = post(client, query, token, current);
      Matcher m = Pattern.compile("\"continuationToken\":\"([^\"]+)\"").matcher(page);
      if (!m.find()) {
        throw new IllegalStateException("no continuation token after page " + (i + 1));
      }
      next = m.group(1);
      current = "{\"limit\":1000,\"continuationToken\":\"" + next + "\"}";
    }
    return next;
  }

  private static double median(HttpClient client, String query, String token, String body)
      throws Exception {
    double[] times = new double[31];
    for (int i = 0; i < times.length; i++) {
      long start = System.nanoTime();
      post(client, query, token, body);
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    System.out.printf(
        "    (best %.1f ms, median %.1f ms, worst %.1f ms) ",
        times[0], times[times.length / 2], times[times.length - 1]);
    return times[times.length / 2];
  }

  private static double throughput(
      HttpClient client, List<URI> uris, String token, int threads, int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    LongAdder done = new LongAdder();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<?>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      futures.add(
          pool.submit(
              () -> {
                int i = offset;
                while (System.nanoTime() < end) {
                  URI uri = uris.get(i++ % uris.size());
                  HttpResponse<byte[]> response =
                      client.send(get(uri, token), HttpResponse.BodyHandlers.ofByteArray());
                  if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                        response.statusCode()
                            + " "
                            + new String(response.body(), StandardCharsets.UTF_8));
                  }
                  done.increment();
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdownNow();
    return done.sum() / elapsed;
  }

  /** HTTP/1.1 GETs over one kept-alive socket per thread; reads each response fully. */
  private static double rawThroughput(List<URI> uris, String token, int threads, int seconds)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    LongAdder done = new LongAdder();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      futures.add(
          pool.submit(
              () -> {
                URI first = uris.get(0);
                try (java.net.Socket socket =
                    new java.net.Socket(first.getHost(), first.getPort())) {
                  socket.setTcpNoDelay(true);
                  java.io.OutputStream out =
                      new java.io.BufferedOutputStream(socket.getOutputStream());
                  java.io.InputStream in =
                      new java.io.BufferedInputStream(socket.getInputStream(), 65536);
                  int i = offset;
                  byte[] buffer = new byte[65536];
                  while (System.nanoTime() < end) {
                    URI uri = uris.get(i++ % uris.size());
                    out.write(
                        ("GET "
                                + uri.getRawPath()
                                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                                + token
                                + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    int length = -1;
                    String status = null;
                    StringBuilder line = new StringBuilder();
                    while (true) {
                      int b = in.read();
                      if (b < 0) {
                        throw new IOException("connection closed");
                      }
                      if (b == '\n') {
                        String header = line.toString().trim();
                        line.setLength(0);
                        if (header.isEmpty()) {
                          break;
                        }
                        if (status == null) {
                          status = header;
                        } else if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                          length = Integer.parseInt(header.substring(15).trim());
                        }
                      } else {
                        line.append((char) b);
                      }
                    }
                    if (status == null || !status.contains(" 200 ")) {
                      throw new IllegalStateException(status);
                    }
                    int remaining = length;
                    while (remaining > 0) {
                      int n = in.read(buffer, 0, Math.min(buffer.length, remaining));
                      if (n < 0) {
                        throw new IOException("body cut short");
                      }
                      remaining -= n;
                    }
                    done.increment();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdownNow();
    return done.sum() / elapsed;
  }

  private static long usedHeap() {
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void heapPerEntity() {
    DataMap empty = new DataMap(System::currentTimeMillis, 1, "root");
    long before = usedHeap();
    DataMap map = new DataMap(System::currentTimeMillis, 1, "root");
    Seeds.generate(map, ENTITIES);
    long after = usedHeap();
    long json = map.storedJsonBytes();
    double perEntity = (after - before) / (double) ENTITIES;
    double jsonPerEntity = json / (double) ENTITIES;
    System.out.printf(
        "heap: %.0f bytes per entity, of which JSON %.0f bytes: %.0f bytes beyond the JSON (%,d entities, %d built-in types each map)%n",
        perEntity, jsonPerEntity, perEntity - jsonPerEntity, map.size(), empty.size());
  }
}
