package dev.steward.purview.emulator.implementation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The type definitions present when the emulator starts: the Atlas base model and the common types
 * Purview's scanners create (Azure SQL, storage, ADLS, Data Factory, Synapse, Databricks,
 * Snowflake, Power BI), the glossary types, the Microsoft system classifications, and the asset
 * type / object type each entity type shows in search.
 */
final class BuiltinTypes {

  private final ObjectNode typesDef = Json.object();
  private final ArrayNode entityDefs = typesDef.putArray("entityDefs");
  private final ArrayNode relationshipDefs = typesDef.putArray("relationshipDefs");
  private final ArrayNode classificationDefs = typesDef.putArray("classificationDefs");
  private final ArrayNode enumDefs = typesDef.putArray("enumDefs");

  BuiltinTypes() {
    typesDef.putArray("structDefs");
  }

  /** Search "assetType" by type-name prefix (longest prefix wins). */
  static final Map<String, String> ASSET_TYPES =
      Map.ofEntries(
          Map.entry("azure_sql_mi_", "Azure SQL Managed Instance"),
          Map.entry("azure_sql_dw_", "Azure SQL Data Warehouse"),
          Map.entry("azure_sql_server", "Azure SQL Database"),
          Map.entry("azure_sql_", "Azure SQL Database"),
          Map.entry("mssql_", "SQL Server"),
          Map.entry("azure_storage_account", "Azure Storage Account"),
          Map.entry("azure_blob_", "Azure Blob Storage"),
          Map.entry("azure_file", "Azure Files"),
          Map.entry("azure_datalake_gen2_", "Azure Data Lake Storage Gen2"),
          Map.entry("azure_datalake_gen1_", "Azure Data Lake Storage Gen1"),
          Map.entry("azure_data_factory", "Azure Data Factory"),
          Map.entry("adf_", "Azure Data Factory"),
          Map.entry("azure_synapse_", "Azure Synapse Analytics"),
          Map.entry("databricks_", "Azure Databricks"),
          Map.entry("snowflake_", "Snowflake"),
          Map.entry("powerbi_", "Power BI"),
          Map.entry("azure_cosmosdb_", "Azure Cosmos DB"),
          Map.entry("hive_", "hive"),
          Map.entry("hdfs_", "hdfs"),
          Map.entry("AtlasGlossaryTerm", "Glossary"));

  /** Search "objectType" by type-name suffix or name. */
  static String objectType(String typeName) {
    if (typeName == null) {
      return null;
    }
    if (typeName.endsWith("_table")
        || typeName.endsWith("_view")
        || typeName.equals("hive_table")) {
      return "Tables";
    }
    if (typeName.endsWith("_column") || typeName.equals("column")) {
      return "Columns";
    }
    if (typeName.endsWith("_path")
        || typeName.endsWith("_resource_set")
        || typeName.equals("azure_file")) {
      return "Files";
    }
    if (typeName.endsWith("_container") || typeName.endsWith("_filesystem")) {
      return "Folders";
    }
    if (typeName.endsWith("_pipeline") || typeName.endsWith("_notebook")) {
      return "Data pipelines";
    }
    if (typeName.endsWith("_dashboard")) {
      return "Dashboards";
    }
    if (typeName.endsWith("_report")) {
      return "Reports";
    }
    if (typeName.endsWith("_stored_procedure")) {
      return "Stored procedures";
    }
    if (typeName.endsWith("_db")
        || typeName.endsWith("_database")
        || typeName.endsWith("_catalog")) {
      return "Databases";
    }
    if (typeName.endsWith("_schema")) {
      return "Schemas";
    }
    if (typeName.equals("AtlasGlossaryTerm")) {
      return "Glossary terms";
    }
    return null;
  }

  /** Search "assetType" for a type name. */
  static String assetType(String typeName) {
    if (typeName == null) {
      return null;
    }
    String best = null;
    int bestLength = -1;
    for (Map.Entry<String, String> entry : ASSET_TYPES.entrySet()) {
      if (typeName.startsWith(entry.getKey()) && entry.getKey().length() > bestLength) {
        best = entry.getValue();
        bestLength = entry.getKey().length();
      }
    }
    return best;
  }

  static ObjectNode typesDef() {
    return new BuiltinTypes().build();
  }

  private ObjectNode build() {
    // Atlas base model.
    entity("Referenceable", new String[0], attr("qualifiedName", "string", false, true));
    entity(
        "Asset",
        sup("Referenceable"),
        attr("name", "string", false, false),
        attr("description", "string"),
        attr("owner", "string"),
        attr("displayName", "string"),
        attr("userDescription", "string"));
    entity("DataSet", sup("Asset"));
    entity(
        "Process",
        sup("Asset"),
        attr("inputs", "array<DataSet>"),
        attr("outputs", "array<DataSet>"));
    entity("Infrastructure", sup("Asset"));
    entity("azure_resource", sup("Asset"));
    entity("Path", sup("DataSet"));
    relationship(
        "dataset_process_inputs",
        "AGGREGATION",
        "Process",
        "inputs",
        true,
        true,
        "DataSet",
        "inputToProcesses",
        true,
        false,
        true);
    relationship(
        "process_dataset_outputs",
        "AGGREGATION",
        "Process",
        "outputs",
        true,
        true,
        "DataSet",
        "outputFromProcesses",
        true,
        false,
        true);
    entity("column", sup("DataSet"), attr("type", "string"));
    entity("tabular_schema", sup("DataSet"));
    relationship(
        "tabular_schema_columns",
        "COMPOSITION",
        "tabular_schema",
        "columns",
        true,
        true,
        "column",
        "composeSchema",
        false,
        false,
        false);
    relationship(
        "column_schemas",
        "ASSOCIATION",
        "DataSet",
        "tabular_schema",
        false,
        false,
        "tabular_schema",
        "associatedDataSets",
        true,
        false,
        false);
    relationship(
        "column_lineage_schemas",
        "ASSOCIATION",
        "column",
        "schema",
        true,
        false,
        "tabular_schema",
        "lineageColumns",
        true,
        false,
        false);

    // Azure SQL Database.
    entity("azure_sql_server", sup("azure_resource"));
    entity(
        "azure_sql_db",
        sup("DataSet"),
        attr("collation", "string"),
        attr("compatibilityLevel", "int"));
    entity("azure_sql_schema", sup("DataSet"));
    entity(
        "azure_sql_table",
        sup("DataSet"),
        attr("principalId", "int"),
        attr("objectType", "string"),
        attr("createTime", "long"),
        attr("modifiedTime", "long"));
    entity("azure_sql_view", sup("DataSet"));
    entity(
        "azure_sql_column",
        sup("DataSet"),
        attr("data_type", "string", false, false),
        attr("length", "int"),
        attr("precision", "int"),
        attr("scale", "int"),
        attr("isNullable", "boolean"));
    entity("azure_sql_stored_procedure", sup("Process"));
    containment(
        "azure_sql_server_databases", "azure_sql_server", "databases", "azure_sql_db", "server");
    containment("azure_sql_db_schemas", "azure_sql_db", "schemas", "azure_sql_schema", "db");
    containment(
        "azure_sql_schema_tables", "azure_sql_schema", "tables", "azure_sql_table", "dbSchema");
    containment(
        "azure_sql_schema_views", "azure_sql_schema", "views", "azure_sql_view", "dbSchema");
    containment(
        "azure_sql_table_columns", "azure_sql_table", "columns", "azure_sql_column", "table");
    containment("azure_sql_view_columns", "azure_sql_view", "columns", "azure_sql_column", "view");
    // Managed instance, dedicated pools (classic) and SQL Server on-premises tables.
    for (String prefix : new String[] {"azure_sql_mi", "azure_sql_dw", "mssql"}) {
      entity(prefix + "_db", sup("DataSet"));
      entity(prefix + "_schema", sup("DataSet"));
      entity(prefix + "_table", sup("DataSet"));
      entity(prefix + "_column", sup("DataSet"), attr("data_type", "string"));
      containment(prefix + "_db_schemas", prefix + "_db", "schemas", prefix + "_schema", "db");
      containment(
          prefix + "_schema_tables", prefix + "_schema", "tables", prefix + "_table", "dbSchema");
      containment(
          prefix + "_table_columns", prefix + "_table", "columns", prefix + "_column", "table");
    }

    // Storage: blob, files, ADLS Gen1/Gen2.
    entity(
        "azure_storage_account",
        sup("azure_resource"),
        attr("publicAccessLevel", "string"),
        attr("createTime", "long"),
        attr("modifiedTime", "long"));
    entity("azure_blob_service", sup("azure_resource"));
    entity("azure_blob_container", sup("DataSet"));
    entity(
        "azure_blob_path",
        sup("Path"),
        attr("size", "long"),
        attr("contentType", "string"),
        attr("isFile", "boolean"),
        attr("path", "string"),
        attr("createTime", "long"),
        attr("modifiedTime", "long"));
    entity("azure_blob_resource_set", sup("DataSet"));
    entity("azure_file_service", sup("azure_resource"));
    entity("azure_file_share", sup("DataSet"));
    entity("azure_file", sup("Path"));
    containment(
        "azure_storage_account_services",
        "azure_storage_account",
        "services",
        "azure_blob_service",
        "account");
    containment(
        "azure_blob_service_containers",
        "azure_blob_service",
        "containers",
        "azure_blob_container",
        "service");
    containment(
        "azure_blob_container_paths",
        "azure_blob_container",
        "paths",
        "azure_blob_path",
        "container");
    entity("azure_datalake_gen2_service", sup("azure_resource"));
    entity("azure_datalake_gen2_filesystem", sup("DataSet"));
    entity(
        "azure_datalake_gen2_path",
        sup("Path"),
        attr("isFile", "boolean"),
        attr("size", "long"),
        attr("path", "string"));
    entity("azure_datalake_gen2_resource_set", sup("DataSet"));
    containment(
        "azure_datalake_gen2_service_filesystems",
        "azure_datalake_gen2_service",
        "filesystems",
        "azure_datalake_gen2_filesystem",
        "service");
    containment(
        "azure_datalake_gen2_filesystem_paths",
        "azure_datalake_gen2_filesystem",
        "paths",
        "azure_datalake_gen2_path",
        "filesystem");
    entity("azure_datalake_gen1_account", sup("azure_resource"));
    entity("azure_datalake_gen1_path", sup("Path"));
    entity("hdfs_path", sup("Path"));

    // Data Factory.
    entity("azure_data_factory", sup("azure_resource"));
    entity("adf_pipeline", sup("Process"));
    entity("adf_copy_activity", sup("Process"));
    entity("adf_copy_operation", sup("Process"));
    entity("adf_dataflow_activity", sup("Process"));
    containment(
        "azure_data_factory_pipelines",
        "azure_data_factory",
        "pipelines",
        "adf_pipeline",
        "dataFactory");
    containment(
        "adf_pipeline_activities", "adf_pipeline", "activities", "adf_copy_activity", "parent");
    containment(
        "adf_copy_activity_operations",
        "adf_copy_activity",
        "subProcesses",
        "adf_copy_operation",
        "parent");

    // Synapse.
    entity("azure_synapse_workspace", sup("azure_resource"));
    entity("azure_synapse_dedicated_sql_db", sup("DataSet"));
    entity("azure_synapse_dedicated_sql_schema", sup("DataSet"));
    entity("azure_synapse_dedicated_sql_table", sup("DataSet"));
    entity("azure_synapse_dedicated_sql_column", sup("DataSet"), attr("data_type", "string"));
    entity("azure_synapse_serverless_sql_table", sup("DataSet"));
    entity("azure_synapse_pipeline", sup("Process"));
    containment(
        "azure_synapse_workspace_databases",
        "azure_synapse_workspace",
        "databases",
        "azure_synapse_dedicated_sql_db",
        "workspace");
    containment(
        "azure_synapse_dedicated_sql_db_schemas",
        "azure_synapse_dedicated_sql_db",
        "schemas",
        "azure_synapse_dedicated_sql_schema",
        "db");
    containment(
        "azure_synapse_dedicated_sql_schema_tables",
        "azure_synapse_dedicated_sql_schema",
        "tables",
        "azure_synapse_dedicated_sql_table",
        "dbSchema");
    containment(
        "azure_synapse_dedicated_sql_table_columns",
        "azure_synapse_dedicated_sql_table",
        "columns",
        "azure_synapse_dedicated_sql_column",
        "table");

    // Databricks (Unity Catalog).
    entity("databricks_workspace", sup("azure_resource"));
    entity("databricks_catalog", sup("DataSet"));
    entity("databricks_schema", sup("DataSet"));
    entity(
        "databricks_table",
        sup("DataSet"),
        attr("tableType", "string"),
        attr("dataSourceFormat", "string"));
    entity("databricks_table_column", sup("DataSet"), attr("data_type", "string"));
    entity("databricks_notebook", sup("Process"));
    containment(
        "databricks_catalog_schemas",
        "databricks_catalog",
        "schemas",
        "databricks_schema",
        "catalog");
    containment(
        "databricks_schema_tables", "databricks_schema", "tables", "databricks_table", "schema");
    containment(
        "databricks_table_columns",
        "databricks_table",
        "columns",
        "databricks_table_column",
        "table");

    // Snowflake.
    entity("snowflake_database", sup("DataSet"));
    entity("snowflake_schema", sup("DataSet"));
    entity("snowflake_table", sup("DataSet"));
    entity("snowflake_view", sup("DataSet"));
    entity("snowflake_column", sup("DataSet"), attr("data_type", "string"));
    containment(
        "snowflake_database_schemas",
        "snowflake_database",
        "schemas",
        "snowflake_schema",
        "database");
    containment(
        "snowflake_schema_tables", "snowflake_schema", "tables", "snowflake_table", "schema");
    containment(
        "snowflake_table_columns", "snowflake_table", "columns", "snowflake_column", "table");

    // Power BI, Cosmos DB, Hive.
    entity("powerbi_workspace", sup("azure_resource"));
    entity("powerbi_dataset", sup("DataSet"));
    entity("powerbi_report", sup("DataSet"));
    entity("powerbi_dashboard", sup("DataSet"));
    entity("azure_cosmosdb_sqlapi_collection", sup("DataSet"));
    entity("hive_table", sup("DataSet"));

    // Glossary (the glossary API owns these; entity types so relationships can name them).
    entity(
        "AtlasGlossary",
        sup("Referenceable"),
        attr("name", "string"),
        attr("shortDescription", "string"),
        attr("longDescription", "string"),
        attr("language", "string"),
        attr("usage", "string"));
    entity(
        "AtlasGlossaryTerm",
        sup("Referenceable"),
        attr("name", "string"),
        attr("shortDescription", "string"),
        attr("longDescription", "string"),
        attr("abbreviation", "string"),
        attr("usage", "string"),
        attr("status", "string"));
    entity(
        "AtlasGlossaryCategory",
        sup("Referenceable"),
        attr("name", "string"),
        attr("shortDescription", "string"),
        attr("longDescription", "string"));
    ObjectNode semantic =
        relationship(
            "AtlasGlossarySemanticAssignment",
            "ASSOCIATION",
            "AtlasGlossaryTerm",
            "assignedEntities",
            true,
            false,
            "Referenceable",
            "meanings",
            true,
            false,
            false);
    termRelationAttributes(semantic, "confidence");
    for (String[] rel :
        new String[][] {
          {"AtlasGlossarySynonym", "synonyms", "synonyms"},
          {"AtlasGlossaryAntonym", "antonyms", "antonyms"},
          {"AtlasGlossaryRelatedTerm", "seeAlso", "seeAlso"},
          {"AtlasGlossaryPreferredTerm", "preferredTerms", "preferredToTerms"},
          {"AtlasGlossaryReplacementTerm", "replacedBy", "replacementTerms"},
          {"AtlasGlossaryTranslation", "translatedTerms", "translationTerms"},
          {"AtlasGlossaryIsARelationship", "classifies", "isA"},
          {"AtlasGlossaryValidValue", "validValues", "validValuesFor"}
        }) {
      termRelationAttributes(
          relationship(
              rel[0],
              "ASSOCIATION",
              "AtlasGlossaryTerm",
              rel[1],
              true,
              false,
              "AtlasGlossaryTerm",
              rel[2],
              true,
              false,
              false),
          null);
    }
    enumDef("glossary_term_status_value", "Draft", "Approved", "Alert", "Expired");
    enumDef(
        "AtlasGlossaryTermRelationshipStatus",
        "DRAFT",
        "ACTIVE",
        "DEPRECATED",
        "OBSOLETE",
        "OTHER");

    // Microsoft system classifications (a representative subset).
    for (String name :
        new String[] {
          "MICROSOFT.PERSONAL.EMAIL",
          "MICROSOFT.PERSONAL.NAME",
          "MICROSOFT.PERSONAL.IPADDRESS",
          "MICROSOFT.PERSONAL.DATE_OF_BIRTH",
          "MICROSOFT.PERSONAL.US.PHONE_NUMBER",
          "MICROSOFT.PERSONAL.EU.PHONE_NUMBER",
          "MICROSOFT.PERSONAL.US.ADDRESS",
          "MICROSOFT.PERSONAL.US.SOCIAL_SECURITY_NUMBER",
          "MICROSOFT.FINANCIAL.CREDIT_CARD_NUMBER",
          "MICROSOFT.FINANCIAL.US.ABA_ROUTING_NUMBER",
          "MICROSOFT.FINANCIAL.US_BANK_ACCOUNT_NUMBER",
          "MICROSOFT.FINANCIAL.IBAN",
          "MICROSOFT.GOVERNMENT.US.PASSPORT_NUMBER",
          "MICROSOFT.GOVERNMENT.US.STATE",
          "MICROSOFT.GOVERNMENT.CITY_NAME",
          "MICROSOFT.GOVERNMENT.COUNTRY_NAME",
          "MICROSOFT.GOVERNMENT.CANADA.SOCIAL_INSURANCE_NUMBER",
          "MICROSOFT.GOVERNMENT.CHILE.CDI_NUMBER",
          "MICROSOFT.SYSTEM.TEMP_FILE",
          "MICROSOFT.SECURITY.COMMON_PASSWORDS"
        }) {
      ObjectNode c = classificationDefs.addObject();
      c.put("name", name);
      String description =
          name.substring(name.indexOf('.') + 1).replace('_', ' ').replace('.', ' ');
      c.put("description", description);
      c.putObject("options").put("displayName", description);
      c.putArray("attributeDefs");
      c.putArray("superTypes");
      c.putArray("entityTypes");
    }
    return typesDef;
  }

  private static void termRelationAttributes(ObjectNode relationship, String extra) {
    ArrayNode attrs = relationship.putArray("attributeDefs");
    for (String name : new String[] {"description", "expression", "steward", "source", "status"}) {
      attrs.add(attr(name, "string"));
    }
    if (extra != null) {
      attrs.add(attr(extra, "int"));
      attrs.add(attr("createdBy", "string"));
    }
  }

  private static String[] sup(String... supers) {
    return supers;
  }

  private static ObjectNode attr(String name, String typeName) {
    return attr(name, typeName, true, false);
  }

  private static ObjectNode attr(String name, String typeName, boolean optional, boolean unique) {
    ObjectNode a = Json.object();
    a.put("name", name);
    a.put("typeName", typeName);
    a.put("isOptional", optional);
    a.put("isUnique", unique);
    a.put("isIndexable", unique || "name".equals(name));
    a.put("cardinality", typeName.startsWith("array<") ? "SET" : "SINGLE");
    if (typeName.startsWith("array<")) {
      a.put("valuesMinCount", 0);
      a.put("valuesMaxCount", Integer.MAX_VALUE);
    }
    return a;
  }

  private void entity(String name, String[] superTypes, ObjectNode... attrs) {
    ObjectNode e = entityDefs.addObject();
    e.put("name", name);
    e.put("description", name);
    e.put("serviceType", serviceType(name));
    e.set("superTypes", Json.arrayOf(java.util.List.of(superTypes)));
    ArrayNode a = e.putArray("attributeDefs");
    for (ObjectNode attr : attrs) {
      a.add(attr);
    }
  }

  private static String serviceType(String name) {
    String asset = assetType(name);
    return asset == null ? "Atlas" : asset;
  }

  private void containment(
      String name, String parent, String parentAttr, String child, String childAttr) {
    relationship(
        name, "COMPOSITION", parent, parentAttr, true, true, child, childAttr, false, false, false);
  }

  private ObjectNode relationship(
      String name,
      String category,
      String type1,
      String name1,
      boolean many1,
      boolean container1,
      String type2,
      String name2,
      boolean many2,
      boolean container2,
      boolean legacy1) {
    ObjectNode r = relationshipDefs.addObject();
    r.put("name", name);
    r.put("description", name);
    r.put("serviceType", "Atlas");
    r.put("relationshipCategory", category);
    r.put("relationshipLabel", "__" + type1 + "." + name1);
    r.put("propagateTags", "NONE");
    ObjectNode end1 = r.putObject("endDef1");
    end1.put("type", type1);
    end1.put("name", name1);
    end1.put("isContainer", container1);
    end1.put("cardinality", many1 ? "SET" : "SINGLE");
    end1.put("isLegacyAttribute", legacy1);
    ObjectNode end2 = r.putObject("endDef2");
    end2.put("type", type2);
    end2.put("name", name2);
    end2.put("isContainer", container2);
    end2.put("cardinality", many2 ? "SET" : "SINGLE");
    end2.put("isLegacyAttribute", false);
    r.putArray("attributeDefs");
    return r;
  }

  private void enumDef(String name, String... values) {
    ObjectNode e = enumDefs.addObject();
    e.put("name", name);
    e.put("description", name);
    e.put("serviceType", "Atlas");
    ArrayNode elements = e.putArray("elementDefs");
    for (int i = 0; i < values.length; i++) {
      ObjectNode v = elements.addObject();
      v.put("value", values[i]);
      v.put("ordinal", i);
      v.put("description", values[i]);
    }
  }
}
