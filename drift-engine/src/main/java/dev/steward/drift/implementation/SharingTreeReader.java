package dev.steward.drift.implementation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a resource of the current snapshot as a tree that shares every subtree equal to the
 * baseline's: a value equal to its counterpart in the baseline resource (same field path; for an
 * element of an array of objects, the baseline element at the same position or, when the arrays are
 * reordered, the one with the same first field) is not built at all, the baseline's node is used
 * instead. Strings are compared with the parser's buffer, so an unchanged resource costs its tokens
 * and no allocation per node, and the differ sees {@code a == b} for every unchanged subtree.
 *
 * <p>The tree read is equal ({@link JsonNode#equals(Object)}), field order included, to the one
 * {@link ObjectMapper#readTree(JsonParser)} builds; only the identity of equal subtrees differs.
 * Shared nodes are never changed: trees that receive folded child resources are copied first.
 */
final class SharingTreeReader {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Finds a baseline resource by its lower-case id. */
  interface Counterparts {
    /**
     * The baseline resource with this id.
     *
     * @param key the lower-case id
     * @return the baseline tree, or {@code null}
     */
    JsonNode find(String key);
  }

  private final ObjectMapper mapper;
  private String[] names = new String[64];
  private JsonNode[] values = new JsonNode[64];
  private int top;

  SharingTreeReader(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Reads the rest of a resource object whose START_OBJECT has been consumed: the parser is on its
   * first FIELD_NAME or its END_OBJECT, and is left on the END_OBJECT.
   *
   * @param p the parser
   * @param counterparts the baseline resources
   * @return the resource tree
   * @throws IOException on malformed input
   */
  JsonNode readResource(JsonParser p, Counterparts counterparts) throws IOException {
    int base = top;
    JsonNode cp = null;
    int late = 0;
    boolean looked = false;
    for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (!looked && v == JsonToken.VALUE_STRING && name.equals("id")) {
        looked = true;
        cp = counterparts.find(p.getText().toLowerCase(java.util.Locale.ROOT));
        late = top - base;
      }
      JsonNode c = cp instanceof ObjectNode ? cp.get(name) : null;
      push(name, read(p, v, c));
    }
    return finishObject(base, cp, late);
  }

  private JsonNode read(JsonParser p, JsonToken t, JsonNode cp) throws IOException {
    switch (t) {
      case START_OBJECT:
        return readObject(p, cp, null);
      case START_ARRAY:
        return readArray(p, cp);
      case VALUE_STRING:
        if (cp instanceof TextNode && sameText(p, cp.textValue())) {
          return cp;
        }
        return NODES.textNode(p.getText());
      case VALUE_TRUE:
        return BooleanNode.TRUE;
      case VALUE_FALSE:
        return BooleanNode.FALSE;
      case VALUE_NULL:
        return NullNode.getInstance();
      case VALUE_NUMBER_INT:
        {
          JsonNode n =
              switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
              };
          return cp != null && cp.equals(n) ? cp : n;
        }
      default:
        {
          // Floating-point and embedded values: exactly as readTree builds them.
          JsonNode n = mapper.readTree(p);
          return cp != null && cp.equals(n) ? cp : n;
        }
    }
  }

  private static boolean sameText(JsonParser p, String s) throws IOException {
    int len = p.getTextLength();
    if (len != s.length()) {
      return false;
    }
    char[] buf = p.getTextCharacters();
    int off = p.getTextOffset();
    for (int i = 0; i < len; i++) {
      if (buf[off + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * An object; the parser is on its START_OBJECT. {@code siblings} is the baseline array when the
   * object is an array element, to find its counterpart by first field when the order changed.
   */
  private JsonNode readObject(JsonParser p, JsonNode cp, Siblings siblings) throws IOException {
    int base = top;
    int late = 0;
    boolean first = true;
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      JsonNode c = cp instanceof ObjectNode ? cp.get(name) : null;
      JsonNode value = read(p, v, c);
      if (first && siblings != null && value != c && value.isTextual()) {
        JsonNode other = siblings.byFirstField(name, value.textValue());
        if (other != null) {
          cp = other;
          late = 1;
        }
      }
      first = false;
      push(name, value);
    }
    return finishObject(base, cp, late);
  }

  private JsonNode finishObject(int base, JsonNode cp, int late) {
    int n = top - base;
    if (cp instanceof ObjectNode co) {
      for (int i = base; i < base + late; i++) {
        JsonNode c = co.get(names[i]);
        if (c != null && c != values[i] && Trees.equal(c, values[i])) {
          values[i] = c;
        }
      }
      if (co.size() == n && sameChildren(co, base, n)) {
        pop(base);
        return cp;
      }
    }
    ObjectNode o = NODES.objectNode();
    for (int i = base; i < base + n; i++) {
      o.replace(names[i], values[i]);
    }
    pop(base);
    return o;
  }

  private boolean sameChildren(ObjectNode co, int base, int n) {
    Iterator<Map.Entry<String, JsonNode>> it = co.fields();
    for (int i = base; i < base + n; i++) {
      Map.Entry<String, JsonNode> e = it.next();
      if (values[i] != e.getValue() || !names[i].equals(e.getKey())) {
        return false;
      }
    }
    return true;
  }

  /** An array; the parser is on its START_ARRAY. */
  private JsonNode readArray(JsonParser p, JsonNode cp) throws IOException {
    int base = top;
    ArrayNode ca = cp instanceof ArrayNode an ? an : null;
    Siblings siblings = ca == null ? null : new Siblings(ca);
    int i = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      JsonNode c = ca != null && i < ca.size() ? ca.get(i) : null;
      JsonNode value =
          t == JsonToken.START_OBJECT && siblings != null
              ? readObject(p, c, siblings)
              : read(p, t, c);
      push(null, value);
      i++;
    }
    int n = top - base;
    if (ca != null && ca.size() == n) {
      boolean same = true;
      for (int k = 0; k < n && same; k++) {
        same = values[base + k] == ca.get(k);
      }
      if (same) {
        pop(base);
        return ca;
      }
    }
    ArrayNode a = NODES.arrayNode(n);
    for (int k = base; k < base + n; k++) {
      a.add(values[k]);
    }
    pop(base);
    return a;
  }

  private void push(String name, JsonNode value) {
    if (top == values.length) {
      names = Arrays.copyOf(names, top * 2);
      values = Arrays.copyOf(values, top * 2);
    }
    names[top] = name;
    values[top] = value;
    top++;
  }

  private void pop(int base) {
    Arrays.fill(names, base, top, null);
    Arrays.fill(values, base, top, null);
    top = base;
  }

  /** The baseline elements of an array, indexed by the text of one field on first need. */
  private static final class Siblings {
    private final ArrayNode array;
    private String field;
    private Map<String, JsonNode> index;

    Siblings(ArrayNode array) {
      this.array = array;
    }

    JsonNode byFirstField(String name, String text) {
      if (index == null) {
        field = name;
        index = new HashMap<>(array.size() * 2);
        for (JsonNode e : array) {
          JsonNode v = e.get(name);
          if (v != null && v.isTextual()) {
            index.putIfAbsent(v.textValue(), e);
          }
        }
      }
      return name.equals(field) ? index.get(text) : null;
    }
  }
}
