package dev.steward.drift.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Canonical forms: sorted-key JSON text and resource types derived from ids. */
public final class Canonical {

  private Canonical() {}

  /**
   * JSON text with object keys sorted, so equal trees give equal text whatever their key order.
   *
   * @param node the tree
   * @return the canonical text
   */
  public static String json(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    write(node, sb);
    return sb.toString();
  }

  private static void write(JsonNode node, StringBuilder sb) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      Collections.sort(names);
      sb.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append('"').append(names.get(i)).append("\":");
        write(node.get(names.get(i)), sb);
      }
      sb.append('}');
    } else if (node.isArray()) {
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        write(node.get(i), sb);
      }
      sb.append(']');
    } else {
      sb.append(node.toString());
    }
  }

  /**
   * A resource's type, lower case: its declared {@code type}, or the type derived from its id when
   * it declares none.
   *
   * @param declaredType the resource's {@code type} field, or {@code null}
   * @param id the resource id
   * @return the lower-case type
   */
  public static String resourceType(String declaredType, String id) {
    return declaredType == null || declaredType.isBlank()
        ? typeOf(id)
        : declaredType.toLowerCase(Locale.ROOT);
  }

  /**
   * The resource type of a resource id, lower case: {@code
   * /subscriptions/s/resourceGroups/r/providers/Microsoft.Network/networkSecurityGroups/n/securityRules/x}
   * gives {@code microsoft.network/networksecuritygroups/securityrules}.
   *
   * @param id the resource id
   * @return the type, or {@code ""} when the id has no provider segment
   */
  public static String typeOf(String id) {
    String lower = id.toLowerCase(Locale.ROOT);
    int p = lower.lastIndexOf("/providers/");
    if (p < 0) {
      return "";
    }
    String[] parts = lower.substring(p + 11).split("/");
    if (parts.length < 2) {
      return "";
    }
    StringBuilder type = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i += 2) {
      type.append('/').append(parts[i]);
    }
    return type.toString();
  }

  /**
   * The parent id of a child resource id (the id less its last two segments).
   *
   * @param id the child id
   * @return the parent id
   */
  public static String parentOf(String id) {
    int last = id.lastIndexOf('/');
    int before = last <= 0 ? -1 : id.lastIndexOf('/', last - 1);
    return before <= 0 ? id : id.substring(0, before);
  }
}
