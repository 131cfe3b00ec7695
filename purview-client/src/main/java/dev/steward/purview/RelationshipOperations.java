package dev.steward.purview;

import static com.azure.core.http.HttpMethod.DELETE;
import static com.azure.core.http.HttpMethod.GET;
import static com.azure.core.http.HttpMethod.POST;
import static com.azure.core.http.HttpMethod.PUT;
import static dev.steward.purview.implementation.PurviewHttp.require;
import static dev.steward.purview.implementation.PurviewHttp.seg;

import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import dev.steward.purview.implementation.PurviewHttp;
import dev.steward.purview.implementation.PurviewHttp.Kind;
import dev.steward.purview.models.AtlasRelationship;
import dev.steward.purview.models.AtlasRelationshipWithExtInfo;
import java.util.Objects;

/** Relationships between entities. Obtain from {@link PurviewDataMapClient#relationships()}. */
public final class RelationshipOperations {
  private final PurviewHttp http;

  RelationshipOperations(PurviewHttp http) {
    this.http = http;
  }

  /**
   * Creates a relationship.
   *
   * @param relationship the relationship
   * @return the relationship as created (with its guid)
   */
  public AtlasRelationship create(AtlasRelationship relationship) {
    return createWithResponse(relationship, Context.NONE).getValue();
  }

  /**
   * Creates a relationship.
   *
   * @param relationship the relationship
   * @param context the call context
   * @return the response
   */
  public Response<AtlasRelationship> createWithResponse(
      AtlasRelationship relationship, Context context) {
    return http.call(POST, "/atlas/v2/relationship", Kind.OTHER)
        .body(Objects.requireNonNull(relationship, "relationship"))
        .send(AtlasRelationship.class, context);
  }

  /**
   * Updates a relationship.
   *
   * @param relationship the relationship, with its guid
   * @return the relationship as updated
   */
  public AtlasRelationship update(AtlasRelationship relationship) {
    return updateWithResponse(relationship, Context.NONE).getValue();
  }

  /**
   * Updates a relationship.
   *
   * @param relationship the relationship, with its guid
   * @param context the call context
   * @return the response
   */
  public Response<AtlasRelationship> updateWithResponse(
      AtlasRelationship relationship, Context context) {
    return http.call(PUT, "/atlas/v2/relationship", Kind.OTHER)
        .body(Objects.requireNonNull(relationship, "relationship"))
        .send(AtlasRelationship.class, context);
  }

  /**
   * Reads a relationship with headers of the entities it joins.
   *
   * @param guid the relationship guid
   * @return the relationship
   */
  public AtlasRelationshipWithExtInfo get(String guid) {
    return getWithResponse(guid, false, Context.NONE).getValue();
  }

  /**
   * Reads a relationship.
   *
   * @param guid the relationship guid
   * @param extendedInfo whether to include extended information
   * @param context the call context
   * @return the response
   */
  public Response<AtlasRelationshipWithExtInfo> getWithResponse(
      String guid, boolean extendedInfo, Context context) {
    return http.call(GET, "/atlas/v2/relationship/guid/" + seg(require(guid, "guid")), Kind.OTHER)
        .flag("extendedInfo", extendedInfo)
        .send(AtlasRelationshipWithExtInfo.class, context);
  }

  /**
   * Deletes a relationship.
   *
   * @param guid the relationship guid
   */
  public void delete(String guid) {
    deleteWithResponse(guid, Context.NONE);
  }

  /**
   * Deletes a relationship.
   *
   * @param guid the relationship guid
   * @param context the call context
   * @return the response
   */
  public Response<Void> deleteWithResponse(String guid, Context context) {
    return http.call(
            DELETE, "/atlas/v2/relationship/guid/" + seg(require(guid, "guid")), Kind.OTHER)
        .sendVoid(context);
  }
}
