package dev.steward.purview.implementation;

import java.util.Set;
import java.util.StringJoiner;

/**
 * Reduces a request path to a low-cardinality operation name: the path's fixed segments (a closed
 * vocabulary, the words of the Data Map routes this client calls) joined by dots. Every other
 * segment (a guid, a type name, a qualified name, an account's base path) is left out, so the set
 * of names is bounded whatever the caller passes: {@code
 * /atlas/v2/entity/guid/1a2b/classifications} becomes {@code entity.guid.classifications}, {@code
 * /search/query} becomes {@code search.query}.
 */
public final class RouteTemplates {
  /** The fixed segments of the routes in this client (and the Atlas prefix, dropped). */
  private static final Set<String> VOCABULARY =
      Set.of(
          "assignedEntities",
          "autocomplete",
          "bulk",
          "businessmetadata",
          "businessmetadatadef",
          "categories",
          "category",
          "classification",
          "classificationdef",
          "classifications",
          "detailed",
          "entity",
          "entitydef",
          "enumdef",
          "glossary",
          "guid",
          "header",
          "headers",
          "import",
          "labels",
          "lineage",
          "moveTo",
          "name",
          "next",
          "partial",
          "query",
          "related",
          "relationship",
          "relationshipdef",
          "search",
          "setClassifications",
          "structdef",
          "suggest",
          "template",
          "term",
          "terms",
          "termtemplatedef",
          "type",
          "typedef",
          "typedefs",
          "types",
          "uniqueAttribute");

  private RouteTemplates() {}

  /**
   * The operation name of a path.
   *
   * @param path a URL path, such as {@code /atlas/v2/entity/guid/0a1b}
   * @return the fixed segments joined by dots, or {@code other} when there are none
   */
  public static String operation(String path) {
    if (path == null) {
      return "other";
    }
    StringJoiner joined = new StringJoiner(".");
    for (String segment : path.split("/")) {
      if (VOCABULARY.contains(segment)) {
        joined.add(segment);
      }
    }
    return joined.length() == 0 ? "other" : joined.toString();
  }
}
