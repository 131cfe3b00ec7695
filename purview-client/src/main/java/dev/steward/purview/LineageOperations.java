package dev.steward.purview;

import static com.azure.core.http.HttpMethod.GET;
import static dev.steward.purview.implementation.PurviewHttp.require;
import static dev.steward.purview.implementation.PurviewHttp.seg;

import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import dev.steward.purview.implementation.PurviewHttp;
import dev.steward.purview.implementation.PurviewHttp.Kind;
import dev.steward.purview.models.AtlasLineageInfo;
import dev.steward.purview.models.LineageDirection;
import java.util.Objects;

/** Lineage graphs around an entity. Obtain from {@link PurviewDataMapClient#lineage()}. */
public final class LineageOperations {
  private final PurviewHttp http;

  LineageOperations(PurviewHttp http) {
    this.http = http;
  }

  /**
   * The lineage of an entity.
   *
   * @param guid the entity
   * @param direction INPUT, OUTPUT or BOTH
   * @param depth how many hops (the service's default is 3)
   * @return the lineage graph
   */
  public AtlasLineageInfo get(String guid, LineageDirection direction, int depth) {
    return getWithResponse(guid, direction, depth, null, Context.NONE).getValue();
  }

  /**
   * The lineage of an entity.
   *
   * @param guid the entity
   * @param direction INPUT, OUTPUT or BOTH
   * @param depth how many hops
   * @param width how many neighbours per node, or null for the service's default
   * @param context the call context
   * @return the response
   */
  public Response<AtlasLineageInfo> getWithResponse(
      String guid, LineageDirection direction, int depth, Integer width, Context context) {
    return http.call(GET, "/atlas/v2/lineage/" + seg(require(guid, "guid")), Kind.ENTITY)
        .query("direction", Objects.requireNonNull(direction, "direction"))
        .query("depth", depth)
        .query("width", width)
        .send(AtlasLineageInfo.class, context);
  }

  /**
   * The lineage of the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param direction INPUT, OUTPUT or BOTH
   * @param depth how many hops
   * @return the lineage graph
   */
  public AtlasLineageInfo getByUniqueAttribute(
      String typeName, String qualifiedName, LineageDirection direction, int depth) {
    return getByUniqueAttributeWithResponse(typeName, qualifiedName, direction, depth, Context.NONE)
        .getValue();
  }

  /**
   * The lineage of the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param direction INPUT, OUTPUT or BOTH
   * @param depth how many hops
   * @param context the call context
   * @return the response
   */
  public Response<AtlasLineageInfo> getByUniqueAttributeWithResponse(
      String typeName,
      String qualifiedName,
      LineageDirection direction,
      int depth,
      Context context) {
    return http.call(
            GET,
            "/atlas/v2/lineage/uniqueAttribute/type/" + seg(require(typeName, "typeName")),
            Kind.ENTITY)
        .query("direction", Objects.requireNonNull(direction, "direction"))
        .query("depth", depth)
        .query("attr:qualifiedName", require(qualifiedName, "qualifiedName"))
        .send(AtlasLineageInfo.class, context);
  }

  /**
   * The next page of neighbours of an entity in lineage.
   *
   * @param guid the entity
   * @param direction INPUT or OUTPUT
   * @param offset how many neighbours to skip
   * @param limit how many to return
   * @return the lineage graph page
   */
  public AtlasLineageInfo getNextPage(
      String guid, LineageDirection direction, int offset, int limit) {
    return getNextPageWithResponse(guid, direction, offset, limit, Context.NONE).getValue();
  }

  /**
   * The next page of neighbours of an entity in lineage.
   *
   * @param guid the entity
   * @param direction INPUT or OUTPUT
   * @param offset how many neighbours to skip
   * @param limit how many to return
   * @param context the call context
   * @return the response
   */
  public Response<AtlasLineageInfo> getNextPageWithResponse(
      String guid, LineageDirection direction, int offset, int limit, Context context) {
    return http.call(GET, "/lineage/" + seg(require(guid, "guid")) + "/next", Kind.ENTITY)
        .query("direction", Objects.requireNonNull(direction, "direction"))
        .query("offset", offset)
        .query("limit", limit)
        .send(AtlasLineageInfo.class, context);
  }
}
