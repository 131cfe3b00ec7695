package dev.steward.purview;

import static com.azure.core.http.HttpMethod.DELETE;
import static com.azure.core.http.HttpMethod.GET;
import static com.azure.core.http.HttpMethod.POST;
import static com.azure.core.http.HttpMethod.PUT;
import static dev.steward.purview.implementation.PurviewHttp.require;
import static dev.steward.purview.implementation.PurviewHttp.seg;

import com.azure.core.http.rest.Response;
import com.azure.core.util.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.steward.purview.implementation.PurviewHttp;
import dev.steward.purview.implementation.PurviewHttp.Kind;
import dev.steward.purview.models.AtlasBusinessMetadataDef;
import dev.steward.purview.models.AtlasClassificationDef;
import dev.steward.purview.models.AtlasEntityDef;
import dev.steward.purview.models.AtlasEnumDef;
import dev.steward.purview.models.AtlasRelationshipDef;
import dev.steward.purview.models.AtlasStructDef;
import dev.steward.purview.models.AtlasTermTemplateDef;
import dev.steward.purview.models.AtlasTypeDef;
import dev.steward.purview.models.AtlasTypeDefHeader;
import dev.steward.purview.models.AtlasTypesDef;
import dev.steward.purview.models.TypeCategory;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Type definitions: read all or one (by name or guid, any category), and create, update or delete
 * in bulk (entity, classification, enum, struct, relationship and business-metadata definitions).
 * Obtain from {@link PurviewDataMapClient#typeDefinitions()}.
 */
public final class TypeDefinitionOperations {
  private static final TypeReference<List<AtlasTypeDefHeader>> HEADERS = new TypeReference<>() {};
  private static final Map<Class<?>, String> ROUTES =
      Map.of(
          AtlasEntityDef.class, "/atlas/v2/types/entitydef/",
          AtlasClassificationDef.class, "/atlas/v2/types/classificationdef/",
          AtlasEnumDef.class, "/atlas/v2/types/enumdef/",
          AtlasStructDef.class, "/atlas/v2/types/structdef/",
          AtlasRelationshipDef.class, "/atlas/v2/types/relationshipdef/",
          AtlasBusinessMetadataDef.class, "/atlas/v2/types/businessmetadatadef/",
          // Term templates live outside atlas/v2 (and need api-version, which every call sends).
          AtlasTermTemplateDef.class, "/types/termtemplatedef/",
          AtlasTypeDef.class, "/atlas/v2/types/typedef/");
  private final PurviewHttp http;

  TypeDefinitionOperations(PurviewHttp http) {
    this.http = http;
  }

  /**
   * Every type definition.
   *
   * @return the definitions
   */
  public AtlasTypesDef list() {
    return listWithResponse(null, false, Context.NONE).getValue();
  }

  /**
   * Type definitions, optionally of one category.
   *
   * @param category the category, or null for all
   * @param includeTermTemplate whether to include term templates
   * @param context the call context
   * @return the response
   */
  public Response<AtlasTypesDef> listWithResponse(
      TypeCategory category, boolean includeTermTemplate, Context context) {
    return http.call(GET, "/atlas/v2/types/typedefs", Kind.TYPE)
        .flag("includeTermTemplate", includeTermTemplate)
        .query("type", category == null ? null : category.value())
        .send(AtlasTypesDef.class, context);
  }

  /**
   * Name, guid and category of every type definition.
   *
   * @return the headers
   */
  public List<AtlasTypeDefHeader> listHeaders() {
    return listHeadersWithResponse(null, false, Context.NONE).getValue();
  }

  /**
   * Headers of type definitions, optionally of one category.
   *
   * @param category the category, or null for all
   * @param includeTermTemplate whether to include term templates
   * @param context the call context
   * @return the response
   */
  public Response<List<AtlasTypeDefHeader>> listHeadersWithResponse(
      TypeCategory category, boolean includeTermTemplate, Context context) {
    return http.call(GET, "/atlas/v2/types/typedefs/headers", Kind.TYPE)
        .flag("includeTermTemplate", includeTermTemplate)
        .query("type", category == null ? null : category.value())
        .send(HEADERS, context);
  }

  /**
   * Any type definition by name.
   *
   * @param name the type name
   * @return the definition
   * @throws TypeNotFoundException when there is none
   */
  public AtlasTypeDef getByName(String name) {
    return getByNameWithResponse(name, Context.NONE).getValue();
  }

  /**
   * Any type definition by name.
   *
   * @param name the type name
   * @param context the call context
   * @return the response
   */
  public Response<AtlasTypeDef> getByNameWithResponse(String name, Context context) {
    return http.call(GET, "/atlas/v2/types/typedef/name/" + seg(require(name, "name")), Kind.TYPE)
        .send(AtlasTypeDef.class, context);
  }

  /**
   * Any type definition by guid.
   *
   * @param guid the type guid
   * @return the definition
   */
  public AtlasTypeDef getByGuid(String guid) {
    return getByGuidWithResponse(guid, Context.NONE).getValue();
  }

  /**
   * Any type definition by guid.
   *
   * @param guid the type guid
   * @param context the call context
   * @return the response
   */
  public Response<AtlasTypeDef> getByGuidWithResponse(String guid, Context context) {
    return http.call(GET, "/atlas/v2/types/typedef/guid/" + seg(require(guid, "guid")), Kind.TYPE)
        .send(AtlasTypeDef.class, context);
  }

  /**
   * An entity definition by name.
   *
   * @param name the type name
   * @return the definition
   */
  public AtlasEntityDef getEntityDef(String name) {
    return getDefByName(AtlasEntityDef.class, name);
  }

  /**
   * A classification definition by name.
   *
   * @param name the type name
   * @return the definition
   */
  public AtlasClassificationDef getClassificationDef(String name) {
    return getDefByName(AtlasClassificationDef.class, name);
  }

  /**
   * An enum definition by name.
   *
   * @param name the type name
   * @return the definition
   */
  public AtlasEnumDef getEnumDef(String name) {
    return getDefByName(AtlasEnumDef.class, name);
  }

  /**
   * A struct definition by name.
   *
   * @param name the type name
   * @return the definition
   */
  public AtlasStructDef getStructDef(String name) {
    return getDefByName(AtlasStructDef.class, name);
  }

  /**
   * A relationship definition by name.
   *
   * @param name the type name
   * @return the definition
   */
  public AtlasRelationshipDef getRelationshipDef(String name) {
    return getDefByName(AtlasRelationshipDef.class, name);
  }

  /**
   * A business-metadata definition by name.
   *
   * @param name the type name
   * @return the definition
   */
  public AtlasBusinessMetadataDef getBusinessMetadataDef(String name) {
    return getDefByName(AtlasBusinessMetadataDef.class, name);
  }

  /**
   * A term template definition by name.
   *
   * @param name the template name
   * @return the definition
   */
  public AtlasTermTemplateDef getTermTemplateDef(String name) {
    return getDefByName(AtlasTermTemplateDef.class, name);
  }

  /**
   * A definition of one category by name: {@code getDefByName(AtlasEnumDef.class, "status")}.
   *
   * @param <T> the definition type
   * @param type {@code AtlasEntityDef}, {@code AtlasClassificationDef}, {@code AtlasEnumDef},
   *     {@code AtlasStructDef}, {@code AtlasRelationshipDef}, {@code AtlasBusinessMetadataDef} or
   *     {@code AtlasTermTemplateDef}
   * @param name the type name
   * @return the definition
   * @throws TypeNotFoundException when there is none
   */
  public <T> T getDefByName(Class<T> type, String name) {
    return getDefWithResponse(type, "name", name, Context.NONE).getValue();
  }

  /**
   * A definition of one category by guid.
   *
   * @param <T> the definition type
   * @param type the definition class, as for {@link #getDefByName(Class, String)}
   * @param guid the type guid
   * @return the definition
   * @throws TypeNotFoundException when there is none
   */
  public <T> T getDefByGuid(Class<T> type, String guid) {
    return getDefWithResponse(type, "guid", guid, Context.NONE).getValue();
  }

  /**
   * A definition of one category by name or guid.
   *
   * @param <T> the definition type
   * @param type the definition class, as for {@link #getDefByName(Class, String)}
   * @param by {@code "name"} or {@code "guid"}
   * @param key the name or guid
   * @param context the call context
   * @return the response
   */
  public <T> Response<T> getDefWithResponse(Class<T> type, String by, String key, Context context) {
    if (!"name".equals(by) && !"guid".equals(by)) {
      throw new IllegalArgumentException("by must be \"name\" or \"guid\", was " + by);
    }
    String route = ROUTES.get(type);
    if (route == null) {
      throw new IllegalArgumentException(
          "No type-definition route for " + type.getName() + "; use one of " + ROUTES.keySet());
    }
    return http.call(GET, route + by + "/" + seg(require(key, by)), Kind.TYPE).send(type, context);
  }

  /**
   * Creates the definitions that do not exist yet (the service discards changes to existing ones).
   *
   * @param types the definitions
   * @return the definitions created
   */
  public AtlasTypesDef create(AtlasTypesDef types) {
    return createWithResponse(types, Context.NONE).getValue();
  }

  /**
   * Creates definitions in bulk.
   *
   * @param types the definitions
   * @param context the call context
   * @return the response
   */
  public Response<AtlasTypesDef> createWithResponse(AtlasTypesDef types, Context context) {
    return http.call(POST, "/atlas/v2/types/typedefs", Kind.TYPE)
        .body(Objects.requireNonNull(types, "types"))
        .send(AtlasTypesDef.class, context);
  }

  /**
   * Updates existing definitions.
   *
   * @param types the definitions
   * @return the definitions updated
   */
  public AtlasTypesDef update(AtlasTypesDef types) {
    return updateWithResponse(types, Context.NONE).getValue();
  }

  /**
   * Updates definitions in bulk.
   *
   * @param types the definitions
   * @param context the call context
   * @return the response
   */
  public Response<AtlasTypesDef> updateWithResponse(AtlasTypesDef types, Context context) {
    return http.call(PUT, "/atlas/v2/types/typedefs", Kind.TYPE)
        .body(Objects.requireNonNull(types, "types"))
        .send(AtlasTypesDef.class, context);
  }

  /**
   * Deletes definitions in bulk.
   *
   * @param types the definitions (names suffice)
   */
  public void delete(AtlasTypesDef types) {
    deleteWithResponse(types, Context.NONE);
  }

  /**
   * Deletes definitions in bulk.
   *
   * @param types the definitions
   * @param context the call context
   * @return the response
   */
  public Response<Void> deleteWithResponse(AtlasTypesDef types, Context context) {
    return http.call(DELETE, "/atlas/v2/types/typedefs", Kind.TYPE)
        .body(Objects.requireNonNull(types, "types"))
        .sendVoid(context);
  }

  /**
   * Deletes one definition by name.
   *
   * @param name the type name
   */
  public void deleteByName(String name) {
    deleteByNameWithResponse(name, Context.NONE);
  }

  /**
   * Deletes one definition by name.
   *
   * @param name the type name
   * @param context the call context
   * @return the response
   */
  public Response<Void> deleteByNameWithResponse(String name, Context context) {
    return http.call(
            DELETE, "/atlas/v2/types/typedef/name/" + seg(require(name, "name")), Kind.TYPE)
        .sendVoid(context);
  }
}
