package dev.steward.purview.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny JSON client over java.net.http for the tests (the real client is another module). */
final class Http {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String token;

  Http(PurviewEmulator emulator) {
    this(emulator.endpoint(), emulator.token());
  }

  Http(String endpoint, String token) {
    this.base = endpoint;
    this.token = token;
  }

  record Response(int status, JsonNode json, String body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response post(String path, Object body) {
    return send("POST", path, body);
  }

  Response put(String path, Object body) {
    return send("PUT", path, body);
  }

  Response delete(String path, Object body) {
    return send("DELETE", path, body);
  }

  Response send(String method, String path, Object body) {
    return send(method, path, body, token);
  }

  Response send(String method, String path, Object body, String bearer) {
    try {
      String json =
          body == null ? null : body instanceof String s ? s : MAPPER.writeValueAsString(body);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + "/datamap/api" + path))
              .timeout(Duration.ofSeconds(30))
              .method(
                  method,
                  json == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json))
              .header("Content-Type", "application/json");
      if (path.startsWith("/emulator/")) {
        request.uri(URI.create(base + path));
      }
      if (bearer != null) {
        request.header("Authorization", "Bearer " + bearer);
      }
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode node = null;
      if (!response.body().isEmpty()) {
        try {
          node = MAPPER.readTree(response.body());
        } catch (IOException e) {
          node = null;
        }
      }
      return new Response(response.statusCode(), node, response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String enc(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
