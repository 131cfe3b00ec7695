package dev.steward.cli.serve;

import com.sun.net.httpserver.Headers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One route of {@code steward serve}: a method, a path template with {@code {name}} segments,
 * whether it needs the bearer token, and its handler.
 *
 * @param method the HTTP method
 * @param template the path template, e.g. {@code /api/extractions/{id}}
 * @param authenticated whether the bearer token is required
 * @param handler what answers
 */
record Route(String method, String template, boolean authenticated, Handler handler) {

  /** Answers a request. */
  @FunctionalInterface
  interface Handler {
    Response handle(Request request) throws Exception;
  }

  /**
   * A request as a handler sees it.
   *
   * @param path the request path
   * @param parameters the template's path parameters
   * @param headers the request headers
   * @param body the body (already size-checked)
   */
  record Request(String path, Map<String, String> parameters, Headers headers, byte[] body) {}

  /**
   * A response.
   *
   * @param status the status
   * @param contentType the content type
   * @param body the body
   * @param headers extra headers
   */
  record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Response json(int status, Object value) {
      try {
        return new Response(
            status, "application/json", JsonBody.JSON.writeValueAsBytes(value), Map.of());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("cannot write a response", e);
      }
    }

    Response withHeader(String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>(headers);
      copy.put(name, value);
      return new Response(status, contentType, body, copy);
    }
  }

  /** The path parameters when {@code path} matches the template, else null. */
  Map<String, String> match(String path) {
    List<String> want = segments(template);
    List<String> have = segments(path);
    if (want.size() != have.size()) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < want.size(); i++) {
      String w = want.get(i);
      if (w.startsWith("{") && w.endsWith("}")) {
        if (have.get(i).isEmpty()) {
          return null;
        }
        parameters.put(w.substring(1, w.length() - 1), have.get(i));
      } else if (!w.equals(have.get(i))) {
        return null;
      }
    }
    return parameters;
  }

  /** How specific the template is: literal segments count more than parameters. */
  int literalSegments() {
    return (int) segments(template).stream().filter(s -> !s.startsWith("{")).count();
  }

  private static List<String> segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return List.of(trimmed.split("/", -1));
  }
}
