package dev.steward.purview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.purview.implementation.JsonMapper;
import dev.steward.purview.models.*;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request body and every response body of Microsoft's published 2023-09-01 examples parses
 * into Steward's typed models and serialises back without losing a field. "Semantically equal":
 * same fields and values, numbers compared by value ({@code 0.0} = {@code 0}), and a field whose
 * value is JSON {@code null} counted as absent (the models write absent fields as absent).
 */
class ExampleContractTest {
  static final ObjectMapper MAPPER = JsonMapper.get();
  static final Path DIR = examplesDir();

  /** Parameter names that are never the request body. */
  static final Set<String> NOT_BODY =
      Set.of(
          "Endpoint",
          "api-version",
          "guid",
          "typeName",
          "name",
          "attr:qualifiedName",
          "attr_N:qualifiedName",
          "minExtInfo",
          "classificationName",
          "businessMetadataName",
          "collectionId",
          "limit",
          "offset",
          "sort",
          "glossaryGuid",
          "termGuid",
          "categoryGuid",
          "glossaryId",
          "termId",
          "categoryId",
          "depth",
          "width",
          "direction",
          "extendedInfo",
          "includeTermTemplate",
          "type",
          "excludeRelationshipTypes",
          "uploadedInputStream");

  static Path examplesDir() {
    String configured = System.getProperty("steward.examples.dir");
    Path dir =
        configured != null
            ? Path.of(configured)
            : Path.of("../../shared/purview-examples/2023-09-01");
    return dir.toAbsolutePath().normalize();
  }

  record Types(JavaType request, JavaType response) {}

  static JavaType t(Class<?> c) {
    return MAPPER.constructType(c);
  }

  static JavaType t(TypeReference<?> r) {
    return MAPPER.getTypeFactory().constructType(r);
  }

  /** The operation of each file, by name (see SOURCES.tsv), as request and response model types. */
  static Types typesFor(String file) {
    String op = file.replace(".json", "");
    JavaType emr = t(EntityMutationResult.class);
    JavaType classifications = t(new TypeReference<List<AtlasClassification>>() {});
    JavaType strings = t(new TypeReference<List<String>>() {});
    JavaType objectIds = t(new TypeReference<List<AtlasRelatedObjectId>>() {});
    if (op.equals("Discovery_Suggest"))
      return new Types(t(SuggestOptions.class), t(SuggestResult.class));
    if (op.equals("Discovery_AutoComplete"))
      return new Types(t(AutoCompleteOptions.class), t(AutoCompleteResult.class));
    if (op.startsWith("Discovery_Query"))
      return new Types(t(QueryOptions.class), t(QueryResult.class));
    switch (op) {
      case "Entity_AddClassificationToEntityByGuids":
        return new Types(t(ClassificationAssociateOptions.class), null);
      case "Entity_AddClassifications":
      case "Entity_UpdateClassifications":
      case "Entity_AddClassificationsByUniqueAttribute":
      case "Entity_UpdateClassificationsByUniqueAttribute":
        return new Types(classifications, null);
      case "Entity_AddCustomAttribute":
      case "Entity_Create":
      case "Entity_Update":
      case "Entity_PartialUpdateByUniqueAttributes":
        return new Types(t(AtlasEntityWithExtInfo.class), emr);
      case "Entity_AddLabel":
      case "Entity_SetLabels":
      case "Entity_RemoveLabels":
      case "Entity_AddLabelsByUniqueAttribute":
      case "Entity_SetLabelsByUniqueAttribute":
      case "Entity_RemoveLabelsByUniqueAttribute":
        return new Types(strings, null);
      case "Entity_AddOrUpdate_BusinessAttribute":
      case "Entity_RemoveBusinessAttribute":
        return new Types(t(new TypeReference<Map<String, Object>>() {}), null);
      case "Entity_AddOrUpdate_BusinessMetadata":
      case "Entity_RemoveBusinessMetadata":
        return new Types(t(new TypeReference<Map<String, Map<String, Object>>>() {}), null);
      case "Entity_BulkCreateOrUpdate":
        return new Types(t(AtlasEntitiesWithExtInfo.class), emr);
      case "Entity_BulkDelete":
      case "Entity_Delete":
        return new Types(null, emr);
      case "Entity_BulkSetClassifications":
        return new Types(t(AtlasEntityHeaders.class), strings);
      case "Entity_Get":
      case "Entity_GetByUniqueAttributes":
        return new Types(null, t(AtlasEntityWithExtInfo.class));
      case "Entity_GetClassification":
        return new Types(null, t(AtlasClassification.class));
      case "Entity_GetHeader":
        return new Types(null, t(AtlasEntityHeader.class));
      case "Entity_GetSampleBusinessMetadataTemplate":
        return new Types(null, t(String.class));
      case "Entity_ImportBusinessMetadata":
        return new Types(null, t(BulkImportResult.class));
      case "Entity_ListByGuids":
      case "Entity_ListByUniqueAttributes":
        return new Types(null, t(AtlasEntitiesWithExtInfo.class));
      case "Entity_MoveEntitiesToCollection":
        return new Types(t(MoveEntitiesOptions.class), emr);
      case "Entity_PartialUpdateAttributeByGuid":
        return new Types(t(Object.class), emr);
      case "Entity_RemoveClassification":
      case "Entity_RemoveClassificationByUniqueAttribute":
        return new Types(null, null);
      case "Glossary_AssignTermToEntities":
      case "Glossary_RemoveTermAssignmentFromEntities":
        return new Types(objectIds, null);
      case "Glossary_Create":
      case "Glossary_Update":
        return new Types(t(AtlasGlossary.class), t(AtlasGlossary.class));
      case "Glossary_Get":
        return new Types(null, t(AtlasGlossary.class));
      case "Glossary_GetDetailed":
        return new Types(null, t(AtlasGlossaryExtInfo.class));
      case "Glossary_List":
        return new Types(null, t(new TypeReference<List<AtlasGlossary>>() {}));
      case "Glossary_CreateCategories":
        {
          JavaType l = t(new TypeReference<List<AtlasGlossaryCategory>>() {});
          return new Types(l, l);
        }
      case "Glossary_CreateCategory":
      case "Glossary_UpdateCategory":
        return new Types(t(AtlasGlossaryCategory.class), t(AtlasGlossaryCategory.class));
      case "Glossary_GetCategory":
        return new Types(null, t(AtlasGlossaryCategory.class));
      case "Glossary_CreateTerm":
      case "Glossary_CreateTermWithTemplate":
      case "Glossary_UpdateTerm":
        return new Types(t(AtlasGlossaryTerm.class), t(AtlasGlossaryTerm.class));
      case "Glossary_GetTerm":
      case "Glossary_GetTermWithoutAssets":
        return new Types(null, t(AtlasGlossaryTerm.class));
      case "Glossary_CreateTerms":
        {
          JavaType l = t(new TypeReference<List<AtlasGlossaryTerm>>() {});
          return new Types(l, l);
        }
      case "Glossary_ListTerms":
        return new Types(null, t(new TypeReference<List<AtlasGlossaryTerm>>() {}));
      case "Glossary_ListCategories":
        return new Types(null, t(new TypeReference<List<AtlasGlossaryCategory>>() {}));
      case "Glossary_ListCategoriesHeaders":
        return new Types(null, t(new TypeReference<List<AtlasRelatedCategoryHeader>>() {}));
      case "Glossary_ListCategoryTerms":
      case "Glossary_ListTermHeaders":
        return new Types(null, t(new TypeReference<List<AtlasRelatedTermHeader>>() {}));
      case "Glossary_ListEntitiesAssignedWithTerm":
        return new Types(null, objectIds);
      case "Glossary_ListRelatedCategories":
        return new Types(
            null, t(new TypeReference<Map<String, List<AtlasRelatedCategoryHeader>>>() {}));
      case "Glossary_ListRelatedTerms":
        return new Types(
            null, t(new TypeReference<Map<String, List<AtlasRelatedTermHeader>>>() {}));
      case "Glossary_PartialUpdate":
        return new Types(t(new TypeReference<Map<String, String>>() {}), t(AtlasGlossary.class));
      case "Glossary_PartialUpdateCategory":
        return new Types(
            t(new TypeReference<Map<String, String>>() {}), t(AtlasGlossaryCategory.class));
      case "Glossary_PartialUpdateTerm":
        return new Types(
            t(new TypeReference<Map<String, String>>() {}), t(AtlasGlossaryTerm.class));
      case "Glossary_Delete":
      case "Glossary_DeleteCategory":
      case "Glossary_DeleteTerm":
      case "Type_Delete":
        return new Types(null, null);
      case "Lineage_Get":
      case "Lineage_GetByUniqueAttribute":
      case "Lineage_GetNextPage":
        return new Types(null, t(AtlasLineageInfo.class));
      case "Relationship_Create":
      case "Relationship_Update":
        return new Types(t(AtlasRelationship.class), t(AtlasRelationship.class));
      case "Relationship_Get":
        return new Types(null, t(AtlasRelationshipWithExtInfo.class));
      case "Type_BulkCreate":
      case "Type_BulkCreateBusinessMetadataDefs":
      case "Type_BulkUpdate":
        return new Types(t(AtlasTypesDef.class), t(AtlasTypesDef.class));
      case "Type_BulkDelete":
        return new Types(t(AtlasTypesDef.class), null);
      case "Type_GetBusinessMetadataDefByGuid":
        return new Types(null, t(AtlasBusinessMetadataDef.class));
      case "Type_GetByName":
        return new Types(null, t(AtlasTypeDef.class));
      case "Type_GetClassificationDefByGuid":
        return new Types(null, t(AtlasClassificationDef.class));
      case "Type_GetEntityDefByGuid":
      case "Type_GetEntityDefByName":
        return new Types(null, t(AtlasEntityDef.class));
      case "Type_GetEnumDefByName":
        return new Types(null, t(AtlasEnumDef.class));
      case "Type_GetRelationshipDefByName":
        return new Types(null, t(AtlasRelationshipDef.class));
      case "Type_GetStructDefByGuid":
      case "Type_GetStructDefByName":
        return new Types(null, t(AtlasStructDef.class));
      case "Type_GetTermTemplateDefByGuid":
      case "Type_GetTermTemplateDefByName":
        return new Types(null, t(AtlasTermTemplateDef.class));
      case "Type_List":
      case "Type_ListEnumDefs":
      case "Type_ListTermTemplateDefs":
        return new Types(null, t(AtlasTypesDef.class));
      case "Type_ListHeaders":
        return new Types(null, t(new TypeReference<List<AtlasTypeDefHeader>>() {}));
      default:
        return null;
    }
  }

  static Stream<String> files() throws IOException {
    if (!Files.isDirectory(DIR)) {
      fail(
          "The Purview examples are missing: expected "
              + DIR
              + " (clone the repository with ../shared beside it, or set -Dsteward.examples.dir)");
    }
    try (Stream<Path> s = Files.list(DIR)) {
      return s
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void everyExampleFileIsMappedToTypedModels() throws IOException {
    List<String> all = files().toList();
    List<String> unmapped = all.stream().filter(f -> typesFor(f) == null).toList();
    assertThat(unmapped).as("example files without a typed model").isEmpty();
    assertThat(all).as("example files (goal 115/115)").hasSize(115);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void roundTripsThroughTypedModels(String file) throws IOException {
    JsonNode example = MAPPER.readTree(DIR.resolve(file).toFile());
    Types types = typesFor(file);
    assertThat(types).as("typed models for " + file).isNotNull();
    int checked = 0;
    if (types.request() != null) {
      JsonNode body = null;
      Iterator<Map.Entry<String, JsonNode>> params = example.path("parameters").fields();
      while (params.hasNext()) {
        Map.Entry<String, JsonNode> p = params.next();
        if (!NOT_BODY.contains(p.getKey())) {
          assertThat(body).as(file + ": one body parameter only, also " + p.getKey()).isNull();
          body = p.getValue();
        }
      }
      assertThat(body).as(file + ": request body").isNotNull();
      assertRoundTrip(file + " request", body, types.request());
      checked++;
    }
    Iterator<Map.Entry<String, JsonNode>> responses = example.path("responses").fields();
    while (responses.hasNext()) {
      Map.Entry<String, JsonNode> r = responses.next();
      JsonNode body = r.getValue().get("body");
      if (body == null || body.isNull()) {
        assertThat(types.response()).as(file + " response " + r.getKey() + " has no body").isNull();
        continue;
      }
      assertThat(types.response()).as(file + " response " + r.getKey() + " model").isNotNull();
      assertRoundTrip(file + " response " + r.getKey(), body, types.response());
      checked++;
    }
    assertThat(checked + (types.request() == null && types.response() == null ? 1 : 0))
        .as(file + ": bodies checked")
        .isPositive();
  }

  static void assertRoundTrip(String what, JsonNode original, JavaType type) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(original);
    Object typed = MAPPER.readValue(bytes, type);
    assertThat(typed).as(what + " parsed").isNotNull();
    if (!type.isContainerType() && !type.getRawClass().getName().startsWith("java.")) {
      assertThat(typed).as(what).isInstanceOf(type.getRawClass());
    }
    JsonNode back = MAPPER.readTree(MAPPER.writeValueAsBytes(typed));
    List<String> diffs = new ArrayList<>();
    diff("$", normalise(original), normalise(back), diffs);
    assertThat(diffs).as(what + ": fields lost or changed in the round trip").isEmpty();
  }

  /** Drops null-valued object fields and makes numbers comparable by value. */
  static JsonNode normalise(JsonNode node) {
    JsonNodeFactory f = JsonNodeFactory.withExactBigDecimals(true);
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new LinkedHashMap<>();
      node.fields()
          .forEachRemaining(
              e -> {
                if (!e.getValue().isNull()) {
                  sorted.put(e.getKey(), normalise(e.getValue()));
                }
              });
      ObjectNode out = f.objectNode();
      sorted.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      var out = f.arrayNode();
      node.forEach(n -> out.add(normalise(n)));
      return out;
    }
    if (node.isNumber()) {
      return f.numberNode(node.decimalValue().stripTrailingZeros());
    }
    return node;
  }

  static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
    if (a.isObject() && b.isObject()) {
      a.fieldNames()
          .forEachRemaining(
              k -> {
                if (!b.has(k)) {
                  out.add(path + "." + k + " lost");
                } else {
                  diff(path + "." + k, a.get(k), b.get(k), out);
                }
              });
      b.fieldNames()
          .forEachRemaining(
              k -> {
                if (!a.has(k)) {
                  out.add(path + "." + k + " added: " + b.get(k));
                }
              });
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        diff(path + "[" + i + "]", a.get(i), b.get(i), out);
      }
    } else if (!a.equals(b)) {
      out.add(path + ": " + a + " became " + b);
    }
  }
}
