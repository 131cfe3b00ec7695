package dev.steward.cli.quality;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.steward.governance.quality.QualityWebhookHandler;
import dev.steward.governance.quality.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The quality webhook handler on the JDK HTTP server: {@code POST /quality/webhook} applies an
 * event, {@code GET /health} answers {@code ok}. Bodies above 1 MiB are refused with 413.
 */
final class WebhookServer implements AutoCloseable {

  static final String PATH = "/quality/webhook";
  private static final int MAX_BODY = 1 << 20;

  private final HttpServer server;

  WebhookServer(QualityWebhookHandler handler, String host, int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext(
        PATH,
        exchange -> {
          try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
              send(exchange, 405, "{\"error\":\"POST only\"}");
              return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
              body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
              send(exchange, 413, "{\"error\":\"body above 1 MiB\"}");
              return;
            }
            WebhookResponse r = handler.handle(exchange.getRequestHeaders(), body);
            send(exchange, r.status(), r.body());
          }
        });
    server.createContext(
        "/health",
        exchange -> {
          try (exchange) {
            send(exchange, 200, "ok");
          }
        });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    if (server.getExecutor() instanceof java.util.concurrent.ExecutorService pool) {
      pool.shutdownNow();
    }
  }
}
