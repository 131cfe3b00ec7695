package dev.steward.purview.emulator.implementation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches {@code METHOD /path} against route templates such as {@code
 * /atlas/v2/entity/guid/{guid}}. Literal segments beat parameters, so {@code /glossary/terms} wins
 * over {@code /glossary/{glossaryId}}.
 */
final class Router {

  /** Handles one matched request. */
  @FunctionalInterface
  interface Handler {
    ApiResponse handle(ApiRequest request);
  }

  /**
   * A route: the template and operation id of the 2023-09-01 spec, and its handler (null = 501).
   */
  record Route(
      String method, String template, String operationId, String[] segments, Handler handler) {
    String key() {
      return method + " " + template;
    }
  }

  record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes = new ArrayList<>();

  void add(String method, String template, String operationId, Handler handler) {
    routes.add(new Route(method, template, operationId, split(template), handler));
  }

  List<Route> routes() {
    return routes;
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }

  /** The best route for the method and raw (still percent-encoded) path, or null. */
  Match match(String method, String rawPath) {
    String[] segments = split(rawPath);
    Route best = null;
    int bestScore = -1;
    boolean pathKnown = false;
    for (Route route : routes) {
      if (route.segments.length != segments.length) {
        continue;
      }
      int score = 0;
      boolean ok = true;
      for (int i = 0; i < segments.length; i++) {
        String t = route.segments[i];
        if (t.startsWith("{")) {
          if (segments[i].isEmpty()) {
            ok = false;
            break;
          }
        } else if (t.equals(segments[i])) {
          score++;
        } else {
          ok = false;
          break;
        }
      }
      if (!ok) {
        continue;
      }
      pathKnown = true;
      if (route.method.equals(method) && score > bestScore) {
        best = route;
        bestScore = score;
      }
    }
    if (best == null) {
      return pathKnown ? new Match(null, Map.of("", "")) : null;
    }
    Map<String, String> params = new HashMap<>(4);
    for (int i = 0; i < segments.length; i++) {
      String t = best.segments[i];
      if (t.startsWith("{")) {
        params.put(t.substring(1, t.length() - 1), decode(segments[i]));
      }
    }
    return new Match(best, params);
  }

  private static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw AtlasError.INVALID_PARAMETERS.exception("malformed path segment " + segment);
    }
  }
}
