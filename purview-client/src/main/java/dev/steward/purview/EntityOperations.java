package dev.steward.purview;

import static com.azure.core.http.HttpMethod.DELETE;
import static com.azure.core.http.HttpMethod.GET;
import static com.azure.core.http.HttpMethod.POST;
import static com.azure.core.http.HttpMethod.PUT;
import static dev.steward.purview.implementation.PurviewHttp.require;
import static dev.steward.purview.implementation.PurviewHttp.seg;

import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.steward.purview.implementation.PurviewHttp;
import dev.steward.purview.implementation.PurviewHttp.Kind;
import dev.steward.purview.models.AtlasClassification;
import dev.steward.purview.models.AtlasClassifications;
import dev.steward.purview.models.AtlasEntitiesWithExtInfo;
import dev.steward.purview.models.AtlasEntity;
import dev.steward.purview.models.AtlasEntityHeader;
import dev.steward.purview.models.AtlasEntityHeaders;
import dev.steward.purview.models.AtlasEntityWithExtInfo;
import dev.steward.purview.models.BulkImportResult;
import dev.steward.purview.models.ClassificationAssociateOptions;
import dev.steward.purview.models.EntityGetOptions;
import dev.steward.purview.models.EntityMutationResult;
import dev.steward.purview.models.EntityWriteOptions;
import dev.steward.purview.models.ExistingClassification;
import dev.steward.purview.models.MoveEntitiesOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Entity operations: create, read, update and delete entities (by guid or by type name and
 * qualified name), and manage their classifications, labels and business metadata. Obtain from
 * {@link PurviewDataMapClient#entities()}.
 */
public final class EntityOperations {
  /**
   * Guids (or qualified names) per bulk GET: the service fails past about 190 guids in one URL, so
   * longer lists are split into chunks of this size and merged back in order.
   */
  public static final int BULK_CHUNK = 100;

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private final PurviewHttp http;

  EntityOperations(PurviewHttp http) {
    this.http = http;
  }

  // ---------------------------------------------------------------- create / update

  /**
   * Creates an entity, or updates it when one with the same guid or unique attributes exists.
   *
   * @param entity the entity
   * @return what was created or updated
   */
  public EntityMutationResult createOrUpdate(AtlasEntity entity) {
    return createOrUpdateWithResponse(
            AtlasEntityWithExtInfo.of(entity), EntityWriteOptions.DEFAULT, Context.NONE)
        .getValue();
  }

  /**
   * Creates or updates an entity with its referred entities.
   *
   * @param entity the entity and referred entities
   * @param options business-metadata behaviour and target collection
   * @param context the call context
   * @return the response
   */
  public Response<EntityMutationResult> createOrUpdateWithResponse(
      AtlasEntityWithExtInfo entity, EntityWriteOptions options, Context context) {
    Objects.requireNonNull(entity, "entity");
    EntityWriteOptions o = options == null ? EntityWriteOptions.DEFAULT : options;
    return http.call(POST, "/atlas/v2/entity", Kind.ENTITY)
        .query("businessAttributeUpdateBehavior", o.businessAttributeUpdateBehavior())
        .query("collectionId", o.collectionId())
        .body(entity)
        .send(EntityMutationResult.class, context);
  }

  /**
   * Creates or updates several entities in one call.
   *
   * @param entities the entities
   * @return what was created or updated
   */
  public EntityMutationResult createOrUpdateBulk(List<AtlasEntity> entities) {
    return createOrUpdateBulkWithResponse(
            AtlasEntitiesWithExtInfo.of(entities), EntityWriteOptions.DEFAULT, Context.NONE)
        .getValue();
  }

  /**
   * Creates or updates several entities with their referred entities.
   *
   * @param entities the entities
   * @param options business-metadata behaviour and target collection
   * @param context the call context
   * @return the response
   */
  public Response<EntityMutationResult> createOrUpdateBulkWithResponse(
      AtlasEntitiesWithExtInfo entities, EntityWriteOptions options, Context context) {
    Objects.requireNonNull(entities, "entities");
    EntityWriteOptions o = options == null ? EntityWriteOptions.DEFAULT : options;
    return http.call(POST, "/atlas/v2/entity/bulk", Kind.ENTITY)
        .query("businessAttributeUpdateBehavior", o.businessAttributeUpdateBehavior())
        .query("collectionId", o.collectionId())
        .body(entities)
        .send(EntityMutationResult.class, context);
  }

  /**
   * Sets one primitive attribute of an entity (the service cannot set null).
   *
   * @param guid the entity
   * @param attribute the attribute name
   * @param value the new value (a string, number, boolean or entity reference)
   * @return the mutation result
   */
  public EntityMutationResult partialUpdateAttribute(String guid, String attribute, Object value) {
    return partialUpdateAttributeWithResponse(guid, attribute, value, Context.NONE).getValue();
  }

  /**
   * Sets one primitive attribute of an entity.
   *
   * @param guid the entity
   * @param attribute the attribute name
   * @param value the new value
   * @param context the call context
   * @return the response
   */
  public Response<EntityMutationResult> partialUpdateAttributeWithResponse(
      String guid, String attribute, Object value, Context context) {
    Objects.requireNonNull(value, "value (the service cannot set an attribute to null)");
    return http.call(PUT, "/atlas/v2/entity/guid/" + seg(require(guid, "guid")), Kind.ENTITY)
        .query("name", require(attribute, "attribute"))
        .body(value)
        .send(EntityMutationResult.class, context);
  }

  /**
   * Updates the entity with a type and qualified name from the given entity (attributes not sent
   * stay as they are).
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param entity the new values
   * @return the mutation result
   */
  public EntityMutationResult partialUpdateByUniqueAttributes(
      String typeName, String qualifiedName, AtlasEntityWithExtInfo entity) {
    return partialUpdateByUniqueAttributesWithResponse(
            typeName, qualifiedName, entity, Context.NONE)
        .getValue();
  }

  /**
   * Updates the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param entity the new values
   * @param context the call context
   * @return the response
   */
  public Response<EntityMutationResult> partialUpdateByUniqueAttributesWithResponse(
      String typeName, String qualifiedName, AtlasEntityWithExtInfo entity, Context context) {
    return http.call(
            PUT,
            "/atlas/v2/entity/uniqueAttribute/type/" + seg(require(typeName, "typeName")),
            Kind.ENTITY)
        .query("attr:qualifiedName", require(qualifiedName, "qualifiedName"))
        .body(Objects.requireNonNull(entity, "entity"))
        .send(EntityMutationResult.class, context);
  }

  // ---------------------------------------------------------------- read

  /**
   * Reads an entity with its referred entities.
   *
   * @param guid the entity guid
   * @return the entity
   * @throws EntityNotFoundException when there is none
   */
  public AtlasEntityWithExtInfo get(String guid) {
    return getWithResponse(guid, EntityGetOptions.DEFAULT, Context.NONE).getValue();
  }

  /**
   * Reads an entity.
   *
   * @param guid the entity guid
   * @param options {@code minExtInfo}, {@code ignoreRelationships}
   * @param context the call context
   * @return the response
   */
  public Response<AtlasEntityWithExtInfo> getWithResponse(
      String guid, EntityGetOptions options, Context context) {
    EntityGetOptions o = options == null ? EntityGetOptions.DEFAULT : options;
    return http.call(GET, "/atlas/v2/entity/guid/" + seg(require(guid, "guid")), Kind.ENTITY)
        .flag("minExtInfo", o.minExtInfo())
        .flag("ignoreRelationships", o.ignoreRelationships())
        .send(AtlasEntityWithExtInfo.class, context);
  }

  /**
   * Reads the header of an entity.
   *
   * @param guid the entity guid
   * @return the header
   */
  public AtlasEntityHeader getHeader(String guid) {
    return getHeaderWithResponse(guid, Context.NONE).getValue();
  }

  /**
   * Reads the header of an entity.
   *
   * @param guid the entity guid
   * @param context the call context
   * @return the response
   */
  public Response<AtlasEntityHeader> getHeaderWithResponse(String guid, Context context) {
    return http.call(
            GET, "/atlas/v2/entity/guid/" + seg(require(guid, "guid")) + "/header", Kind.ENTITY)
        .send(AtlasEntityHeader.class, context);
  }

  /**
   * Reads an entity by type name and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name (sent percent-encoded, a space as {@code %20})
   * @return the entity
   * @throws EntityNotFoundException when there is none
   */
  public AtlasEntityWithExtInfo getByUniqueAttributes(String typeName, String qualifiedName) {
    return getByUniqueAttributesWithResponse(
            typeName,
            Map.of("qualifiedName", qualifiedName),
            EntityGetOptions.DEFAULT,
            Context.NONE)
        .getValue();
  }

  /**
   * Reads an entity by type name and unique attributes ({@code attr:<name>=<value>}).
   *
   * @param typeName the entity type
   * @param uniqueAttributes unique attribute values, usually just {@code qualifiedName}
   * @param options {@code minExtInfo}, {@code ignoreRelationships}
   * @param context the call context
   * @return the response
   */
  public Response<AtlasEntityWithExtInfo> getByUniqueAttributesWithResponse(
      String typeName,
      Map<String, String> uniqueAttributes,
      EntityGetOptions options,
      Context context) {
    EntityGetOptions o = options == null ? EntityGetOptions.DEFAULT : options;
    PurviewHttp.Call call =
        http.call(
            GET,
            "/atlas/v2/entity/uniqueAttribute/type/" + seg(require(typeName, "typeName")),
            Kind.ENTITY);
    if (uniqueAttributes == null || uniqueAttributes.isEmpty()) {
      throw new IllegalArgumentException(
          "uniqueAttributes must name at least one attribute, e.g. qualifiedName");
    }
    uniqueAttributes.forEach(
        (k, v) ->
            call.query("attr:" + require(k, "attribute name"), require(v, "attribute value")));
    return call.flag("minExtInfo", o.minExtInfo())
        .flag("ignoreRelationships", o.ignoreRelationships())
        .send(AtlasEntityWithExtInfo.class, context);
  }

  /**
   * Reads many entities by guid: long lists are split into chunks of {@link #BULK_CHUNK}, duplicate
   * guids are asked for once, and the entities come back in the order of the first occurrence of
   * their guid. Guids the service does not know are missing from the result.
   *
   * @param guids the guids
   * @return the entities and their referred entities
   */
  public AtlasEntitiesWithExtInfo listByGuids(List<String> guids) {
    return listByGuidsWithResponse(guids, EntityGetOptions.DEFAULT, Context.NONE).getValue();
  }

  /**
   * Reads many entities by guid (see {@link #listByGuids(List)}). Status and headers are those of
   * the last chunk.
   *
   * @param guids the guids
   * @param options {@code minExtInfo}, {@code ignoreRelationships}
   * @param context the call context
   * @return the merged response
   */
  public Response<AtlasEntitiesWithExtInfo> listByGuidsWithResponse(
      List<String> guids, EntityGetOptions options, Context context) {
    EntityGetOptions o = options == null ? EntityGetOptions.DEFAULT : options;
    List<String> unique = unique(guids, "guids");
    return chunked(
        unique,
        AtlasEntity::guid,
        chunk -> {
          PurviewHttp.Call call = http.call(GET, "/atlas/v2/entity/bulk", Kind.ENTITY);
          chunk.forEach(g -> call.query("guid", g));
          return call.flag("minExtInfo", o.minExtInfo())
              .flag("ignoreRelationships", o.ignoreRelationships())
              .send(AtlasEntitiesWithExtInfo.class, context);
        });
  }

  /**
   * Reads many entities of one type by qualified name ({@code attr_N:qualifiedName}), chunked,
   * de-duplicated and in order like {@link #listByGuids(List)}.
   *
   * @param typeName the entity type
   * @param qualifiedNames the qualified names
   * @return the entities
   */
  public AtlasEntitiesWithExtInfo listByUniqueAttributes(
      String typeName, List<String> qualifiedNames) {
    return listByUniqueAttributesWithResponse(
            typeName, qualifiedNames, EntityGetOptions.DEFAULT, Context.NONE)
        .getValue();
  }

  /**
   * Reads many entities of one type by qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedNames the qualified names
   * @param options {@code minExtInfo}, {@code ignoreRelationships}
   * @param context the call context
   * @return the merged response
   */
  public Response<AtlasEntitiesWithExtInfo> listByUniqueAttributesWithResponse(
      String typeName, List<String> qualifiedNames, EntityGetOptions options, Context context) {
    EntityGetOptions o = options == null ? EntityGetOptions.DEFAULT : options;
    String path =
        "/atlas/v2/entity/bulk/uniqueAttribute/type/" + seg(require(typeName, "typeName"));
    List<String> unique = unique(qualifiedNames, "qualifiedNames");
    return chunked(
        unique,
        AtlasEntity::qualifiedName,
        chunk -> {
          PurviewHttp.Call call = http.call(GET, path, Kind.ENTITY);
          for (int i = 0; i < chunk.size(); i++) {
            call.query("attr_" + i + ":qualifiedName", chunk.get(i));
          }
          return call.flag("minExtInfo", o.minExtInfo())
              .flag("ignoreRelationships", o.ignoreRelationships())
              .send(AtlasEntitiesWithExtInfo.class, context);
        });
  }

  // ---------------------------------------------------------------- delete

  /**
   * Deletes an entity (soft delete: its status becomes DELETED).
   *
   * @param guid the entity guid
   * @return the mutation result
   */
  public EntityMutationResult delete(String guid) {
    return deleteWithResponse(guid, Context.NONE).getValue();
  }

  /**
   * Deletes an entity.
   *
   * @param guid the entity guid
   * @param context the call context
   * @return the response
   */
  public Response<EntityMutationResult> deleteWithResponse(String guid, Context context) {
    return http.call(DELETE, "/atlas/v2/entity/guid/" + seg(require(guid, "guid")), Kind.ENTITY)
        .send(EntityMutationResult.class, context);
  }

  /**
   * Deletes the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @return the mutation result
   */
  public EntityMutationResult deleteByUniqueAttribute(String typeName, String qualifiedName) {
    return deleteByUniqueAttributeWithResponse(typeName, qualifiedName, Context.NONE).getValue();
  }

  /**
   * Deletes the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param context the call context
   * @return the response
   */
  public Response<EntityMutationResult> deleteByUniqueAttributeWithResponse(
      String typeName, String qualifiedName, Context context) {
    return http.call(
            DELETE,
            "/atlas/v2/entity/uniqueAttribute/type/" + seg(require(typeName, "typeName")),
            Kind.ENTITY)
        .query("attr:qualifiedName", require(qualifiedName, "qualifiedName"))
        .send(EntityMutationResult.class, context);
  }

  /**
   * Deletes several entities by guid (chunked like {@link #listByGuids(List)}).
   *
   * @param guids the guids
   * @return the merged mutation result
   */
  public EntityMutationResult deleteBulk(List<String> guids) {
    return deleteBulkWithResponse(guids, Context.NONE).getValue();
  }

  /**
   * Deletes several entities by guid. Status and headers are those of the last chunk.
   *
   * @param guids the guids
   * @param context the call context
   * @return the merged response
   */
  public Response<EntityMutationResult> deleteBulkWithResponse(
      List<String> guids, Context context) {
    List<String> unique = unique(guids, "guids");
    Map<String, String> assignments = new LinkedHashMap<>();
    Map<String, List<AtlasEntityHeader>> mutated = new LinkedHashMap<>();
    Response<EntityMutationResult> last = null;
    for (int from = 0; from < unique.size(); from += BULK_CHUNK) {
      PurviewHttp.Call call = http.call(DELETE, "/atlas/v2/entity/bulk", Kind.ENTITY);
      unique
          .subList(from, Math.min(unique.size(), from + BULK_CHUNK))
          .forEach(g -> call.query("guid", g));
      last = call.send(EntityMutationResult.class, context);
      EntityMutationResult r = last.getValue();
      if (r.guidAssignments() != null) {
        assignments.putAll(r.guidAssignments());
      }
      if (r.mutatedEntities() != null) {
        r.mutatedEntities()
            .forEach((k, v) -> mutated.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
      }
    }
    EntityMutationResult merged =
        new EntityMutationResult(
            assignments.isEmpty() ? null : assignments,
            mutated.isEmpty() ? null : mutated,
            null,
            null);
    return new SimpleResponse<>(last.getRequest(), last.getStatusCode(), last.getHeaders(), merged);
  }

  // ---------------------------------------------------------------- collections

  /**
   * Moves entities to another collection.
   *
   * @param collectionId the target collection id
   * @param guids the entities
   * @return the mutation result
   */
  public EntityMutationResult moveToCollection(String collectionId, List<String> guids) {
    return moveToCollectionWithResponse(collectionId, guids, Context.NONE).getValue();
  }

  /**
   * Moves entities to another collection.
   *
   * @param collectionId the target collection id
   * @param guids the entities
   * @param context the call context
   * @return the response
   */
  public Response<EntityMutationResult> moveToCollectionWithResponse(
      String collectionId, List<String> guids, Context context) {
    return http.call(POST, "/entity/moveTo", Kind.ENTITY)
        .query("collectionId", require(collectionId, "collectionId"))
        .body(new MoveEntitiesOptions(unique(guids, "guids"), null))
        .send(EntityMutationResult.class, context);
  }

  // ---------------------------------------------------------------- business metadata

  /**
   * Adds or updates business metadata on an entity: {@code {bmName: {attribute: value}}}.
   *
   * @param guid the entity
   * @param businessMetadata values by business-metadata name, then attribute
   * @param isOverwrite true to replace all the entity's business metadata with these values
   */
  public void addOrUpdateBusinessMetadata(
      String guid, Map<String, Map<String, Object>> businessMetadata, boolean isOverwrite) {
    addOrUpdateBusinessMetadataWithResponse(guid, businessMetadata, isOverwrite, Context.NONE);
  }

  /**
   * Adds or updates business metadata on an entity.
   *
   * @param guid the entity
   * @param businessMetadata values by business-metadata name, then attribute
   * @param isOverwrite true to replace all the entity's business metadata
   * @param context the call context
   * @return the response
   */
  public Response<Void> addOrUpdateBusinessMetadataWithResponse(
      String guid,
      Map<String, Map<String, Object>> businessMetadata,
      boolean isOverwrite,
      Context context) {
    return http.call(
            POST,
            "/atlas/v2/entity/guid/" + seg(require(guid, "guid")) + "/businessmetadata",
            Kind.ENTITY)
        .query("isOverwrite", isOverwrite)
        .body(Objects.requireNonNull(businessMetadata, "businessMetadata"))
        .sendVoid(context);
  }

  /**
   * Removes business metadata from an entity.
   *
   * @param guid the entity
   * @param businessMetadata the values to remove, by business-metadata name, then attribute
   */
  public void removeBusinessMetadata(
      String guid, Map<String, Map<String, Object>> businessMetadata) {
    removeBusinessMetadataWithResponse(guid, businessMetadata, Context.NONE);
  }

  /**
   * Removes business metadata from an entity.
   *
   * @param guid the entity
   * @param businessMetadata the values to remove
   * @param context the call context
   * @return the response
   */
  public Response<Void> removeBusinessMetadataWithResponse(
      String guid, Map<String, Map<String, Object>> businessMetadata, Context context) {
    return http.call(
            DELETE,
            "/atlas/v2/entity/guid/" + seg(require(guid, "guid")) + "/businessmetadata",
            Kind.ENTITY)
        .body(Objects.requireNonNull(businessMetadata, "businessMetadata"))
        .sendVoid(context);
  }

  /**
   * Adds or updates attributes of one business metadata on an entity.
   *
   * @param guid the entity
   * @param businessMetadataName the business metadata
   * @param attributes attribute values
   */
  public void addOrUpdateBusinessMetadataAttributes(
      String guid, String businessMetadataName, Map<String, Object> attributes) {
    addOrUpdateBusinessMetadataAttributesWithResponse(
        guid, businessMetadataName, attributes, Context.NONE);
  }

  /**
   * Adds or updates attributes of one business metadata on an entity.
   *
   * @param guid the entity
   * @param businessMetadataName the business metadata
   * @param attributes attribute values
   * @param context the call context
   * @return the response
   */
  public Response<Void> addOrUpdateBusinessMetadataAttributesWithResponse(
      String guid, String businessMetadataName, Map<String, Object> attributes, Context context) {
    return http.call(POST, bmPath(guid, businessMetadataName), Kind.ENTITY)
        .body(Objects.requireNonNull(attributes, "attributes"))
        .sendVoid(context);
  }

  /**
   * Removes attributes of one business metadata from an entity.
   *
   * @param guid the entity
   * @param businessMetadataName the business metadata
   * @param attributes the attributes to remove
   */
  public void removeBusinessMetadataAttributes(
      String guid, String businessMetadataName, Map<String, Object> attributes) {
    removeBusinessMetadataAttributesWithResponse(
        guid, businessMetadataName, attributes, Context.NONE);
  }

  /**
   * Removes attributes of one business metadata from an entity.
   *
   * @param guid the entity
   * @param businessMetadataName the business metadata
   * @param attributes the attributes to remove
   * @param context the call context
   * @return the response
   */
  public Response<Void> removeBusinessMetadataAttributesWithResponse(
      String guid, String businessMetadataName, Map<String, Object> attributes, Context context) {
    return http.call(DELETE, bmPath(guid, businessMetadataName), Kind.ENTITY)
        .body(Objects.requireNonNull(attributes, "attributes"))
        .sendVoid(context);
  }

  /**
   * The sample CSV template of business-metadata import.
   *
   * @return the CSV text
   */
  public String getBusinessMetadataTemplate() {
    return getBusinessMetadataTemplateWithResponse(Context.NONE).getValue();
  }

  /**
   * The sample CSV template of business-metadata import.
   *
   * @param context the call context
   * @return the response
   */
  public Response<String> getBusinessMetadataTemplateWithResponse(Context context) {
    return http.call(GET, "/atlas/v2/entity/businessmetadata/import/template", Kind.OTHER)
        .sendText(context);
  }

  /**
   * Imports business-metadata values from CSV (the format of {@link
   * #getBusinessMetadataTemplate()}).
   *
   * @param csv the CSV text
   * @return which rows succeeded and which failed, with the service's remarks
   */
  public BulkImportResult importBusinessMetadata(String csv) {
    return importBusinessMetadataWithResponse(csv, Context.NONE).getValue();
  }

  /**
   * Imports business-metadata values from CSV, sent as the {@code file} part of a {@code
   * multipart/form-data} body.
   *
   * @param csv the CSV text
   * @param context the call context
   * @return the response
   */
  public Response<BulkImportResult> importBusinessMetadataWithResponse(
      String csv, Context context) {
    Objects.requireNonNull(csv, "csv");
    String boundary = "steward-" + java.util.UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"businessmetadata.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + boundary
            + "--\r\n";
    return http.call(POST, "/atlas/v2/entity/businessmetadata/import", Kind.OTHER)
        .rawBody(
            body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "multipart/form-data; boundary=" + boundary)
        .send(BulkImportResult.class, context);
  }

  // ---------------------------------------------------------------- classifications

  /**
   * Adds classifications to an entity; fails with {@link ClassificationAlreadyAssociatedException}
   * if one is already there.
   *
   * @param guid the entity
   * @param classifications the classifications
   */
  public void addClassifications(String guid, List<AtlasClassification> classifications) {
    addClassificationsWithResponse(
        guid, classifications, ExistingClassification.FAIL, Context.NONE);
  }

  /**
   * Adds classifications to an entity, deciding what happens to those already there: with {@link
   * ExistingClassification#SKIP} the add is idempotent, with {@link ExistingClassification#UPDATE}
   * existing ones get the new attributes. The fallback (read the entity's classifications, then add
   * the missing ones and update the others) runs only when the service reports {@code
   * ATLAS-400-00-01B}, and is not atomic.
   *
   * @param guid the entity
   * @param classifications the classifications
   * @param existing what to do about classifications already on the entity
   * @param context the call context
   * @return the response of the last call made
   */
  public Response<Void> addClassificationsWithResponse(
      String guid,
      List<AtlasClassification> classifications,
      ExistingClassification existing,
      Context context) {
    String path = "/atlas/v2/entity/guid/" + seg(require(guid, "guid")) + "/classifications";
    Objects.requireNonNull(classifications, "classifications");
    try {
      return http.call(POST, path, Kind.ENTITY).body(classifications).sendVoid(context);
    } catch (ClassificationAlreadyAssociatedException e) {
      if (existing == null || existing == ExistingClassification.FAIL) {
        throw e;
      }
      Set<String> present = new HashSet<>();
      AtlasClassifications current = getClassificationsWithResponse(guid, context).getValue();
      if (current.list() != null) {
        current.list().forEach(c -> present.add(c.typeName()));
      }
      List<AtlasClassification> toAdd = new ArrayList<>();
      List<AtlasClassification> toUpdate = new ArrayList<>();
      for (AtlasClassification c : classifications) {
        (present.contains(c.typeName()) ? toUpdate : toAdd).add(c);
      }
      Response<Void> last = null;
      if (!toAdd.isEmpty()) {
        last = http.call(POST, path, Kind.ENTITY).body(toAdd).sendVoid(context);
      }
      if (existing == ExistingClassification.UPDATE && !toUpdate.isEmpty()) {
        last = http.call(PUT, path, Kind.ENTITY).body(toUpdate).sendVoid(context);
      }
      return last != null
          ? last
          : new SimpleResponse<>(
              e.getResponse().getRequest(), 204, e.getResponse().getHeaders(), null);
    }
  }

  /**
   * Updates classifications already on an entity.
   *
   * @param guid the entity
   * @param classifications the classifications
   */
  public void updateClassifications(String guid, List<AtlasClassification> classifications) {
    updateClassificationsWithResponse(guid, classifications, Context.NONE);
  }

  /**
   * Updates classifications already on an entity.
   *
   * @param guid the entity
   * @param classifications the classifications
   * @param context the call context
   * @return the response
   */
  public Response<Void> updateClassificationsWithResponse(
      String guid, List<AtlasClassification> classifications, Context context) {
    return http.call(
            PUT,
            "/atlas/v2/entity/guid/" + seg(require(guid, "guid")) + "/classifications",
            Kind.ENTITY)
        .body(Objects.requireNonNull(classifications, "classifications"))
        .sendVoid(context);
  }

  /**
   * The classifications of an entity.
   *
   * @param guid the entity
   * @return the classifications
   */
  public AtlasClassifications getClassifications(String guid) {
    return getClassificationsWithResponse(guid, Context.NONE).getValue();
  }

  /**
   * The classifications of an entity.
   *
   * @param guid the entity
   * @param context the call context
   * @return the response
   */
  public Response<AtlasClassifications> getClassificationsWithResponse(
      String guid, Context context) {
    return http.call(
            GET,
            "/atlas/v2/entity/guid/" + seg(require(guid, "guid")) + "/classifications",
            Kind.ENTITY)
        .send(AtlasClassifications.class, context);
  }

  /**
   * One classification of an entity.
   *
   * @param guid the entity
   * @param classificationName the classification type
   * @return the classification
   */
  public AtlasClassification getClassification(String guid, String classificationName) {
    return getClassificationWithResponse(guid, classificationName, Context.NONE).getValue();
  }

  /**
   * One classification of an entity.
   *
   * @param guid the entity
   * @param classificationName the classification type
   * @param context the call context
   * @return the response
   */
  public Response<AtlasClassification> getClassificationWithResponse(
      String guid, String classificationName, Context context) {
    return http.call(GET, classificationPath(guid, classificationName), Kind.ENTITY)
        .send(AtlasClassification.class, context);
  }

  /**
   * Removes a classification from an entity.
   *
   * @param guid the entity
   * @param classificationName the classification type
   */
  public void removeClassification(String guid, String classificationName) {
    removeClassificationWithResponse(guid, classificationName, Context.NONE);
  }

  /**
   * Removes a classification from an entity.
   *
   * @param guid the entity
   * @param classificationName the classification type
   * @param context the call context
   * @return the response
   */
  public Response<Void> removeClassificationWithResponse(
      String guid, String classificationName, Context context) {
    return http.call(DELETE, classificationPath(guid, classificationName), Kind.ENTITY)
        .sendVoid(context);
  }

  /**
   * Adds classifications to the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param classifications the classifications
   */
  public void addClassificationsByUniqueAttribute(
      String typeName, String qualifiedName, List<AtlasClassification> classifications) {
    addClassificationsByUniqueAttributeWithResponse(
        typeName, qualifiedName, classifications, Context.NONE);
  }

  /**
   * Adds classifications to the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param classifications the classifications
   * @param context the call context
   * @return the response
   */
  public Response<Void> addClassificationsByUniqueAttributeWithResponse(
      String typeName,
      String qualifiedName,
      List<AtlasClassification> classifications,
      Context context) {
    return http.call(POST, uniquePath(typeName) + "/classifications", Kind.ENTITY)
        .query("attr:qualifiedName", require(qualifiedName, "qualifiedName"))
        .body(Objects.requireNonNull(classifications, "classifications"))
        .sendVoid(context);
  }

  /**
   * Updates classifications on the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param classifications the classifications
   */
  public void updateClassificationsByUniqueAttribute(
      String typeName, String qualifiedName, List<AtlasClassification> classifications) {
    updateClassificationsByUniqueAttributeWithResponse(
        typeName, qualifiedName, classifications, Context.NONE);
  }

  /**
   * Updates classifications on the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param classifications the classifications
   * @param context the call context
   * @return the response
   */
  public Response<Void> updateClassificationsByUniqueAttributeWithResponse(
      String typeName,
      String qualifiedName,
      List<AtlasClassification> classifications,
      Context context) {
    return http.call(PUT, uniquePath(typeName) + "/classifications", Kind.ENTITY)
        .query("attr:qualifiedName", require(qualifiedName, "qualifiedName"))
        .body(Objects.requireNonNull(classifications, "classifications"))
        .sendVoid(context);
  }

  /**
   * Removes a classification from the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param classificationName the classification type
   */
  public void removeClassificationByUniqueAttribute(
      String typeName, String qualifiedName, String classificationName) {
    removeClassificationByUniqueAttributeWithResponse(
        typeName, qualifiedName, classificationName, Context.NONE);
  }

  /**
   * Removes a classification from the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param classificationName the classification type
   * @param context the call context
   * @return the response
   */
  public Response<Void> removeClassificationByUniqueAttributeWithResponse(
      String typeName, String qualifiedName, String classificationName, Context context) {
    return http.call(
            DELETE,
            uniquePath(typeName)
                + "/classification/"
                + seg(require(classificationName, "classificationName")),
            Kind.ENTITY)
        .query("attr:qualifiedName", require(qualifiedName, "qualifiedName"))
        .sendVoid(context);
  }

  /**
   * Adds one classification to several entities.
   *
   * @param classification the classification
   * @param guids the entities
   */
  public void addClassificationToEntities(AtlasClassification classification, List<String> guids) {
    addClassificationToEntitiesWithResponse(classification, guids, Context.NONE);
  }

  /**
   * Adds one classification to several entities.
   *
   * @param classification the classification
   * @param guids the entities
   * @param context the call context
   * @return the response
   */
  public Response<Void> addClassificationToEntitiesWithResponse(
      AtlasClassification classification, List<String> guids, Context context) {
    return http.call(POST, "/atlas/v2/entity/bulk/classification", Kind.ENTITY)
        .body(
            new ClassificationAssociateOptions(
                Objects.requireNonNull(classification, "classification"),
                unique(guids, "guids"),
                null))
        .sendVoid(context);
  }

  /**
   * Sets classifications on many entities at once, from entity headers keyed by guid.
   *
   * @param headers the headers, each with its classifications
   * @return the service's per-entity report lines
   */
  public List<String> setClassifications(Map<String, AtlasEntityHeader> headers) {
    return setClassificationsWithResponse(headers, Context.NONE).getValue();
  }

  /**
   * Sets classifications on many entities at once.
   *
   * @param headers the headers, each with its classifications
   * @param context the call context
   * @return the response
   */
  public Response<List<String>> setClassificationsWithResponse(
      Map<String, AtlasEntityHeader> headers, Context context) {
    return http.call(POST, "/atlas/v2/entity/bulk/setClassifications", Kind.ENTITY)
        .body(new AtlasEntityHeaders(Objects.requireNonNull(headers, "headers"), null))
        .send(STRINGS, context);
  }

  // ---------------------------------------------------------------- labels

  /**
   * Adds labels to an entity.
   *
   * @param guid the entity
   * @param labels the labels
   */
  public void addLabels(String guid, Collection<String> labels) {
    addLabelsWithResponse(guid, labels, Context.NONE);
  }

  /**
   * Adds labels to an entity.
   *
   * @param guid the entity
   * @param labels the labels
   * @param context the call context
   * @return the response
   */
  public Response<Void> addLabelsWithResponse(
      String guid, Collection<String> labels, Context context) {
    return labels(PUT, labelPath(guid), null, labels, context);
  }

  /**
   * Replaces the labels of an entity (an empty set removes all).
   *
   * @param guid the entity
   * @param labels the labels
   */
  public void setLabels(String guid, Collection<String> labels) {
    setLabelsWithResponse(guid, labels, Context.NONE);
  }

  /**
   * Replaces the labels of an entity.
   *
   * @param guid the entity
   * @param labels the labels
   * @param context the call context
   * @return the response
   */
  public Response<Void> setLabelsWithResponse(
      String guid, Collection<String> labels, Context context) {
    return labels(POST, labelPath(guid), null, labels, context);
  }

  /**
   * Removes labels from an entity (labels it does not have are ignored).
   *
   * @param guid the entity
   * @param labels the labels
   */
  public void removeLabels(String guid, Collection<String> labels) {
    removeLabelsWithResponse(guid, labels, Context.NONE);
  }

  /**
   * Removes labels from an entity.
   *
   * @param guid the entity
   * @param labels the labels
   * @param context the call context
   * @return the response
   */
  public Response<Void> removeLabelsWithResponse(
      String guid, Collection<String> labels, Context context) {
    return labels(DELETE, labelPath(guid), null, labels, context);
  }

  /**
   * Adds labels to the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param labels the labels
   */
  public void addLabelsByUniqueAttribute(
      String typeName, String qualifiedName, Collection<String> labels) {
    addLabelsByUniqueAttributeWithResponse(typeName, qualifiedName, labels, Context.NONE);
  }

  /**
   * Adds labels to the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param labels the labels
   * @param context the call context
   * @return the response
   */
  public Response<Void> addLabelsByUniqueAttributeWithResponse(
      String typeName, String qualifiedName, Collection<String> labels, Context context) {
    return labels(
        PUT,
        uniquePath(typeName) + "/labels",
        require(qualifiedName, "qualifiedName"),
        labels,
        context);
  }

  /**
   * Replaces the labels of the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param labels the labels
   */
  public void setLabelsByUniqueAttribute(
      String typeName, String qualifiedName, Collection<String> labels) {
    setLabelsByUniqueAttributeWithResponse(typeName, qualifiedName, labels, Context.NONE);
  }

  /**
   * Replaces the labels of the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param labels the labels
   * @param context the call context
   * @return the response
   */
  public Response<Void> setLabelsByUniqueAttributeWithResponse(
      String typeName, String qualifiedName, Collection<String> labels, Context context) {
    return labels(
        POST,
        uniquePath(typeName) + "/labels",
        require(qualifiedName, "qualifiedName"),
        labels,
        context);
  }

  /**
   * Removes labels from the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param labels the labels
   */
  public void removeLabelsByUniqueAttribute(
      String typeName, String qualifiedName, Collection<String> labels) {
    removeLabelsByUniqueAttributeWithResponse(typeName, qualifiedName, labels, Context.NONE);
  }

  /**
   * Removes labels from the entity with a type and qualified name.
   *
   * @param typeName the entity type
   * @param qualifiedName its qualified name
   * @param labels the labels
   * @param context the call context
   * @return the response
   */
  public Response<Void> removeLabelsByUniqueAttributeWithResponse(
      String typeName, String qualifiedName, Collection<String> labels, Context context) {
    return labels(
        DELETE,
        uniquePath(typeName) + "/labels",
        require(qualifiedName, "qualifiedName"),
        labels,
        context);
  }

  // ---------------------------------------------------------------- helpers

  private Response<Void> labels(
      com.azure.core.http.HttpMethod method,
      String path,
      String qualifiedName,
      Collection<String> labels,
      Context context) {
    PurviewHttp.Call call = http.call(method, path, Kind.ENTITY);
    if (qualifiedName != null) {
      call.query("attr:qualifiedName", qualifiedName);
    }
    return call.body(new ArrayList<>(new LinkedHashSet<>(Objects.requireNonNull(labels, "labels"))))
        .sendVoid(context);
  }

  private static String labelPath(String guid) {
    return "/atlas/v2/entity/guid/" + seg(require(guid, "guid")) + "/labels";
  }

  private static String uniquePath(String typeName) {
    return "/atlas/v2/entity/uniqueAttribute/type/" + seg(require(typeName, "typeName"));
  }

  private static String classificationPath(String guid, String name) {
    return "/atlas/v2/entity/guid/"
        + seg(require(guid, "guid"))
        + "/classification/"
        + seg(require(name, "classificationName"));
  }

  private static String bmPath(String guid, String name) {
    return "/atlas/v2/entity/guid/"
        + seg(require(guid, "guid"))
        + "/businessmetadata/"
        + seg(require(name, "businessMetadataName"));
  }

  private static List<String> unique(List<String> values, String what) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be null or empty");
    }
    List<String> out = new ArrayList<>(new LinkedHashSet<>(values));
    out.forEach(v -> require(v, "each of " + what));
    return out;
  }

  private static Response<AtlasEntitiesWithExtInfo> chunked(
      List<String> keys,
      java.util.function.Function<AtlasEntity, String> keyOf,
      java.util.function.Function<List<String>, Response<AtlasEntitiesWithExtInfo>> fetch) {
    Map<String, AtlasEntity> byKey = new LinkedHashMap<>();
    List<AtlasEntity> unkeyed = new ArrayList<>();
    Map<String, AtlasEntity> referred = new LinkedHashMap<>();
    Response<AtlasEntitiesWithExtInfo> last = null;
    for (int from = 0; from < keys.size(); from += BULK_CHUNK) {
      last = fetch.apply(keys.subList(from, Math.min(keys.size(), from + BULK_CHUNK)));
      AtlasEntitiesWithExtInfo page = last.getValue();
      if (page.entities() != null) {
        for (AtlasEntity e : page.entities()) {
          String key = keyOf.apply(e);
          if (key == null || byKey.putIfAbsent(key, e) != null) {
            unkeyed.add(e);
          }
        }
      }
      if (page.referredEntities() != null) {
        referred.putAll(page.referredEntities());
      }
    }
    List<AtlasEntity> ordered = new ArrayList<>();
    for (String k : keys) {
      AtlasEntity e = byKey.remove(k);
      if (e != null) {
        ordered.add(e);
      }
    }
    ordered.addAll(byKey.values());
    ordered.addAll(unkeyed);
    AtlasEntitiesWithExtInfo merged =
        new AtlasEntitiesWithExtInfo(ordered, referred.isEmpty() ? null : referred, null);
    return new SimpleResponse<>(last.getRequest(), last.getStatusCode(), last.getHeaders(), merged);
  }
}
