package dev.steward.drift.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A test on a JSON value, compiled from a rules file's {@code insecureWhen}. An absent value is a
 * {@link com.fasterxml.jackson.databind.node.MissingNode}; tests on an array hold when any element
 * passes.
 */
public abstract class Predicate {

  private static final Set<String> KEYS =
      Set.of(
          "at", "equals", "absent", "present", "anywhere", "coversPort", "allOf", "anyOf", "not");

  /**
   * Tests a value.
   *
   * @param value the value, possibly missing, never {@code null}
   * @return whether it passes
   */
  public abstract boolean test(JsonNode value);

  /**
   * Compiles a predicate.
   *
   * @param spec the JSON object from the rules file
   * @return the predicate
   * @throws IllegalArgumentException when the spec is malformed
   */
  public static Predicate compile(JsonNode spec) {
    if (spec == null || !spec.isObject()) {
      throw new IllegalArgumentException("a condition must be a JSON object, found " + spec);
    }
    String test = null;
    for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown condition '" + key + "' (expected one of " + KEYS + ")");
      }
      if (!key.equals("at")) {
        if (test != null) {
          throw new IllegalArgumentException(
              "a condition has one test, found '" + test + "' and '" + key + "'");
        }
        test = key;
      }
    }
    if (test == null) {
      throw new IllegalArgumentException("a condition needs a test, one of " + KEYS);
    }
    JsonNode arg = spec.get(test);
    Predicate p =
        switch (test) {
          case "equals" -> equalsAny(arg);
          case "absent" -> flag(arg, test, v -> v.isMissingNode() || v.isNull());
          case "present" -> flag(arg, test, v -> !v.isMissingNode() && !v.isNull());
          case "anywhere" -> flag(arg, test, v -> anyElement(v, Scalars::isAnywhere));
          case "coversPort" -> coversPort(arg);
          case "allOf" -> combine(arg, test, true);
          case "anyOf" -> combine(arg, test, false);
          case "not" -> not(compile(arg));
          default -> throw new IllegalStateException(test);
        };
    JsonNode at = spec.get("at");
    if (at != null) {
      if (!at.isTextual()) {
        throw new IllegalArgumentException("'at' must be a dot path string");
      }
      PathPattern path = PathPattern.parse(at.asText(), false);
      if (path.segments().contains(PathPattern.ELEMENT)) {
        throw new IllegalArgumentException("'at' cannot contain '[]': '" + at.asText() + "'");
      }
      p = at(path.segments(), p);
    }
    return p;
  }

  private static Predicate at(List<String> path, Predicate inner) {
    return new Predicate() {
      @Override
      public boolean test(JsonNode value) {
        JsonNode v = value;
        for (String s : path) {
          v = v.path(s);
        }
        return inner.test(v);
      }
    };
  }

  private static Predicate not(Predicate inner) {
    return new Predicate() {
      @Override
      public boolean test(JsonNode value) {
        return !inner.test(value);
      }
    };
  }

  private interface Test {
    boolean test(JsonNode v);
  }

  private static Predicate flag(JsonNode arg, String name, Test t) {
    if (arg == null || !arg.isBoolean()) {
      throw new IllegalArgumentException("'" + name + "' takes true or false");
    }
    boolean want = arg.booleanValue();
    return new Predicate() {
      @Override
      public boolean test(JsonNode value) {
        return t.test(value) == want;
      }
    };
  }

  private static boolean anyElement(JsonNode v, Test t) {
    if (v.isArray()) {
      for (JsonNode e : v) {
        if (t.test(e)) {
          return true;
        }
      }
      return false;
    }
    return t.test(v);
  }

  private static Predicate equalsAny(JsonNode arg) {
    if (arg == null || !arg.isArray() || arg.isEmpty()) {
      throw new IllegalArgumentException("'equals' takes a non-empty array of values");
    }
    List<JsonNode> values = new ArrayList<>();
    for (JsonNode v : arg) {
      if (v.isContainerNode()) {
        throw new IllegalArgumentException("'equals' takes scalar values, found " + v);
      }
      values.add(v);
    }
    return new Predicate() {
      @Override
      public boolean test(JsonNode value) {
        return anyElement(
            value,
            v -> {
              for (JsonNode w : values) {
                if (scalarEquals(v, w)) {
                  return true;
                }
              }
              return false;
            });
      }
    };
  }

  /** Rule values are enum-like: strings compare ignoring case, numbers by value. */
  static boolean scalarEquals(JsonNode v, JsonNode w) {
    if (v.isMissingNode() || v.isContainerNode()) {
      return false;
    }
    if (v.isTextual() && w.isTextual()) {
      return v.textValue().equalsIgnoreCase(w.textValue());
    }
    if (v.isNumber() && w.isNumber()) {
      return v.decimalValue().compareTo(w.decimalValue()) == 0;
    }
    if (v.isBoolean() && w.isTextual()) {
      return v.asText().equalsIgnoreCase(w.textValue());
    }
    if (v.isTextual() && w.isBoolean()) {
      return v.textValue().equalsIgnoreCase(w.asText());
    }
    return v.equals(w);
  }

  private static Predicate coversPort(JsonNode arg) {
    if (arg == null || !arg.isArray() || arg.isEmpty()) {
      throw new IllegalArgumentException("'coversPort' takes a non-empty array of port numbers");
    }
    int[] ports = new int[arg.size()];
    for (int i = 0; i < ports.length; i++) {
      JsonNode p = arg.get(i);
      if (!p.canConvertToInt()
          || !p.isIntegralNumber()
          || p.intValue() < 0
          || p.intValue() > 65535) {
        throw new IllegalArgumentException("'coversPort' takes port numbers 0-65535, found " + p);
      }
      ports[i] = p.intValue();
    }
    return new Predicate() {
      @Override
      public boolean test(JsonNode value) {
        return anyElement(
            value,
            v -> {
              if (!v.isTextual() && !v.isNumber()) {
                return false;
              }
              for (int port : ports) {
                if (Scalars.portRangeCovers(v.asText(), port)) {
                  return true;
                }
              }
              return false;
            });
      }
    };
  }

  private static Predicate combine(JsonNode arg, String name, boolean all) {
    if (arg == null || !arg.isArray() || arg.isEmpty()) {
      throw new IllegalArgumentException("'" + name + "' takes a non-empty array of conditions");
    }
    List<Predicate> parts = new ArrayList<>();
    for (JsonNode p : arg) {
      parts.add(compile(p));
    }
    return new Predicate() {
      @Override
      public boolean test(JsonNode value) {
        for (Predicate p : parts) {
          if (p.test(value) != all) {
            return !all;
          }
        }
        return all;
      }
    };
  }
}
