package dev.steward.examples.quality;

import com.sun.net.httpserver.HttpServer;
import dev.steward.examples.client.AuthenticationExample;
import dev.steward.governance.quality.QualityMapping;
import dev.steward.governance.quality.QualitySync;
import dev.steward.governance.quality.QualityWebhookHandler;
import dev.steward.governance.quality.WebhookResponse;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Quality events pushed by a data-quality tool: a {@link QualityWebhookHandler} mounted on the JDK
 * HTTP server verifies each delivery (HMAC signature, timestamp window, replay) and applies it
 * through the same reconcile path as a scheduled sync. Then a sender posts a signed event, and the
 * same event sent again is refused as a replay. ({@code steward sync-quality serve} runs this for
 * you.)
 *
 * <pre>
 * java -cp cli/target/steward.jar dev.steward.examples.quality.QualityWebhookExample
 * </pre>
 */
public final class QualityWebhookExample {

  private QualityWebhookExample() {}

  /**
   * Runs the example against an in-process emulator.
   *
   * @param args unused
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      PurviewDataMapClient client =
          AuthenticationExample.withEmulator(emulator.endpoint(), emulator.token());
      run(client, "a-shared-secret-from-your-vault".getBytes(StandardCharsets.UTF_8), System.out);
    }
  }

  /**
   * Serves the webhook on a loopback port, posts one event twice and returns both statuses.
   *
   * @param client the Purview client
   * @param secret the secret shared with the sender
   * @param out where to print
   * @return the HTTP statuses of the first and the replayed delivery
   * @throws Exception when the server cannot start or the request fails
   */
  public static List<Integer> run(PurviewDataMapClient client, byte[] secret, PrintStream out)
      throws Exception {
    QualityMapping mapping =
        QualityMapping.parse(
            "qalita-mapping.yaml", QualitySyncExample.resource("qalita-mapping.yaml"));
    QualitySync sync = QualitySync.builder(client, mapping).build();
    sync.ensureDefinitions();

    // snippet:begin quality-webhook
    QualityWebhookHandler handler = QualityWebhookHandler.builder(sync, secret).build();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/quality/webhook",
        exchange -> {
          try (exchange;
              InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(1 << 20); // cap what you accept
            WebhookResponse r = handler.handle(exchange.getRequestHeaders(), body);
            byte[] reply = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(r.status(), reply.length);
            try (OutputStream o = exchange.getResponseBody()) {
              o.write(reply);
            }
          }
        });
    server.start();
    // snippet:end quality-webhook
    try {
      URI uri =
          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/quality/webhook");
      String event =
          """
          {"event":"quality_score_changed","sourceId":"sales.orders",\
          "scores":{"overall":81.5,"completeness":93.0},"issues":{"open":2},\
          "measuredAt":"2026-11-23T07:00:00Z"}""";
      int first = send(uri, secret, event, "evt-0001");
      int replay = send(uri, secret, event, "evt-0001");
      out.println("first delivery: HTTP " + first + ", the same event again: HTTP " + replay);
      return List.of(first, replay);
    } finally {
      server.stop(0);
    }
  }

  private static int send(URI uri, byte[] secret, String event, String eventId)
      throws IOException, InterruptedException {
    // snippet:begin quality-webhook-sender
    byte[] body = event.getBytes(StandardCharsets.UTF_8);
    long now = Clock.systemUTC().instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header(
                QualityWebhookHandler.SIGNATURE_HEADER, // sha256=HMAC(secret, now + "." + body)
                QualityWebhookHandler.sign(secret, now, body))
            .header(QualityWebhookHandler.TIMESTAMP_HEADER, Long.toString(now))
            .header(QualityWebhookHandler.EVENT_ID_HEADER, eventId) // replays are refused (409)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    // snippet:end quality-webhook-sender
    return response.statusCode();
  }
}
