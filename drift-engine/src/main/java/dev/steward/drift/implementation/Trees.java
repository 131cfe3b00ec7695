package dev.steward.drift.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Tree equality with exactly the meaning of {@link JsonNode#equals(Object)}, computed faster for
 * the common case. Jackson compares two objects as maps: one hash lookup per field of one side. Two
 * snapshots of a resource written by the same service list the fields in the same order, so here
 * the two field lists are walked side by side, and the map comparison is used only from the first
 * field whose name differs.
 */
public final class Trees {

  private Trees() {}

  /**
   * Whether two trees are equal, with the meaning of {@link JsonNode#equals(Object)}: objects equal
   * whatever their field order, arrays equal in order, scalars by their own {@code equals}.
   *
   * @param a one tree, or {@code null}
   * @param b the other, or {@code null}
   * @return {@code true} when both are {@code null} or {@code a.equals(b)}
   */
  public static boolean equal(JsonNode a, JsonNode b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof TextNode ta) {
      // the commonest value: no virtual call to equals
      return b instanceof TextNode tb && ta.textValue().equals(tb.textValue());
    }
    if (a instanceof ObjectNode oa) {
      return b instanceof ObjectNode ob && objects(oa, ob);
    }
    if (a instanceof ArrayNode aa) {
      if (!(b instanceof ArrayNode ab)) {
        return false;
      }
      int n = aa.size();
      if (n != ab.size()) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (!equal(aa.get(i), ab.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static boolean objects(ObjectNode a, ObjectNode b) {
    if (a.size() != b.size()) {
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> ia = a.fields();
    Iterator<Map.Entry<String, JsonNode>> ib = b.fields();
    while (ia.hasNext()) {
      Map.Entry<String, JsonNode> ea = ia.next();
      Map.Entry<String, JsonNode> eb = ib.next();
      String ka = ea.getKey();
      String kb = eb.getKey();
      if (ka != kb && !ka.equals(kb)) {
        return a.equals(b); // another field order: compare as maps, like Jackson
      }
      if (!equal(ea.getValue(), eb.getValue())) {
        return false;
      }
    }
    return true;
  }
}
