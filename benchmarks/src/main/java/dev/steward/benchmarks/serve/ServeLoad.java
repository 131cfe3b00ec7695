package dev.steward.benchmarks.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loopback load on a running {@code steward serve}: C concurrent clients, each sending R requests
 * back to back, alternating {@code GET /api/scheduler/status} (bearer token) and {@code GET
 * /health/ready}. Reports latency percentiles over every request, throughput and errors (any status
 * other than 200, or an I/O failure); exits 1 when there was an error. A warm-up round of the same
 * shape runs first and is not measured.
 *
 * <pre>
 * export STEWARD_API_TOKEN=$(openssl rand -hex 24)
 * echo 'token: env:STEWARD_API_TOKEN' &gt; /tmp/serve.yaml
 * ./steward serve --port 8080 --config /tmp/serve.yaml --home /tmp/steward-load &amp;
 * java -cp benchmarks/target/benchmarks.jar dev.steward.benchmarks.serve.ServeLoad \
 *     http://127.0.0.1:8080 200 50
 * </pre>
 *
 * Arguments: base URL, concurrency (default 200), requests per client (default 50). The token is
 * read from {@code STEWARD_API_TOKEN}.
 */
public final class ServeLoad {

  private ServeLoad() {}

  /**
   * Runs the load.
   *
   * @param args base URL, concurrency, requests per client
   * @throws Exception when the run cannot start
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ServeLoad BASE_URL [CONCURRENCY] [REQUESTS_PER_CLIENT]");
      System.exit(2);
    }
    String base = args[0].replaceAll("/+$", "");
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int perClient = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    String token = System.getenv("STEWARD_API_TOKEN");
    if (token == null || token.isBlank()) {
      System.err.println("set STEWARD_API_TOKEN to the token steward serve was configured with");
      System.exit(2);
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpRequest status =
        HttpRequest.newBuilder(URI.create(base + "/api/scheduler/status"))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(base + "/health/ready"))
            .timeout(Duration.ofSeconds(30))
            .build();

    round(http, status, ready, concurrency, Math.max(1, perClient / 5), false);
    round(http, status, ready, concurrency, perClient, true);
  }

  private static void round(
      HttpClient http,
      HttpRequest status,
      HttpRequest ready,
      int concurrency,
      int perClient,
      boolean report)
      throws InterruptedException {
    long[][] latencies = new long[concurrency][perClient];
    AtomicLong errors = new AtomicLong();
    Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    CyclicBarrier start = new CyclicBarrier(concurrency + 1);
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < concurrency; c++) {
      int client = c;
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                for (int i = 0; i < perClient; i++) {
                  HttpRequest request = (client + i) % 2 == 0 ? status : ready;
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<byte[]> response =
                        http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                      errors.incrementAndGet();
                      errorKinds
                          .computeIfAbsent("HTTP " + response.statusCode(), k -> new AtomicLong())
                          .incrementAndGet();
                    }
                  } catch (IOException e) {
                    errors.incrementAndGet();
                    errorKinds
                        .computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong())
                        .incrementAndGet();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  latencies[client][i] = System.nanoTime() - t0;
                }
              },
              "load-" + c);
      clients.add(thread);
      thread.start();
    }
    long began;
    try {
      start.await();
      began = System.nanoTime();
    } catch (java.util.concurrent.BrokenBarrierException e) {
      throw new IllegalStateException(e);
    }
    for (Thread thread : clients) {
      thread.join();
    }
    long wall = System.nanoTime() - began;
    if (!report) {
      return;
    }
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "serve load: %d clients x %d requests (status + ready alternating) = %d requests%n",
        concurrency,
        perClient,
        all.length);
    System.out.printf(
        Locale.ROOT,
        "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
        ms(percentile(all, 0.50)),
        ms(percentile(all, 0.90)),
        ms(percentile(all, 0.99)),
        ms(all[all.length - 1]));
    System.out.printf(
        Locale.ROOT,
        "throughput: %.0f requests/s over %.2f s; errors: %d %s%n",
        all.length / (wall / 1e9),
        wall / 1e9,
        errors.get(),
        errorKinds);
    if (errors.get() > 0) {
      System.exit(1);
    }
  }

  private static long percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
