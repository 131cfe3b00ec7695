package dev.steward.purview.emulator.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seed data. {@code demo}: a small, realistic estate (Azure SQL server, database, tables and
 * columns; ADLS Gen2 paths; a Data Factory pipeline with lineage; Synapse, Databricks and Snowflake
 * tables; owners, descriptions, labels, classifications, a glossary and a business-metadata
 * definition with values). {@link #generate}: N entities, the same on every run.
 */
public final class Seeds {
  /** The seed names the builder and the CLI accept. */
  public static final Set<String> NAMES = Set.of("demo", "none");

  static final String OWNER_ANA = "2f1a9c1e-5a37-4c7b-9a51-0d4e8c1f2a01";
  static final String OWNER_RAJ = "7b6e2d4c-1f3a-4e8b-8c9d-3a2b1c0d9e02";
  static final String EXPERT_MEI = "c3d4e5f6-0718-4293-a4b5-c6d7e8f90a03";

  private final DataMap map;
  private final List<JsonNode> batch = new ArrayList<>();

  private Seeds(DataMap map) {
    this.map = map;
  }

  /** Applies a named seed ({@code demo}). */
  public static void apply(DataMap map, String name) {
    if (!"demo".equals(name)) {
      if ("none".equals(name)) {
        return;
      }
      throw new IllegalArgumentException("unknown seed " + name);
    }
    map.write(
        () -> {
          new Seeds(map).demo();
          return null;
        });
  }

  private void demo() {
    // Business metadata definition used by the quality sync.
    ObjectNode typesDef = Json.object();
    ObjectNode bm = typesDef.putArray("businessMetadataDefs").addObject();
    bm.put("name", "DataQuality");
    bm.put("description", "Data-quality scores published by Steward");
    ArrayNode attrs = bm.putArray("attributeDefs");
    attrs.add(bmAttr("score", "int"));
    attrs.add(bmAttr("lastChecked", "date"));
    attrs.add(bmAttr("status", "string"));
    map.types.create(TypeRegistry.defsOf(typesDef));

    String server = "contoso-sql.database.windows.net";
    String sql = "mssql://" + server;
    entity(
        "azure_sql_server", sql, server, "Production Azure SQL server for sales", OWNER_ANA, null);
    entity(
        "azure_sql_db",
        sql + "/sales",
        "sales",
        "Orders, customers and products",
        OWNER_ANA,
        rel("server", "azure_sql_server", sql));
    entity(
        "azure_sql_schema",
        sql + "/sales/dbo",
        "dbo",
        null,
        null,
        rel("db", "azure_sql_db", sql + "/sales"));
    String[][] tables = {
      {"customers", "One row per customer", "Customer master data"},
      {"orders", "One row per order", null},
      {"products", "Product catalogue", null}
    };
    String[][][] columns = {
      {
        {"customer_id", "int", null},
        {"full_name", "nvarchar", "MICROSOFT.PERSONAL.NAME"},
        {"email", "nvarchar", "MICROSOFT.PERSONAL.EMAIL"},
        {"phone", "nvarchar", "MICROSOFT.PERSONAL.US.PHONE_NUMBER"},
        {"country", "nvarchar", null}
      },
      {
        {"order_id", "int", null},
        {"customer_id", "int", null},
        {"amount", "decimal", null},
        {"order_date", "datetime2", null},
        {"card_number", "nvarchar", "MICROSOFT.FINANCIAL.CREDIT_CARD_NUMBER"}
      },
      {{"product_id", "int", null}, {"name", "nvarchar", null}, {"unit_price", "decimal", null}}
    };
    for (int t = 0; t < tables.length; t++) {
      String table = sql + "/sales/dbo/" + tables[t][0];
      ObjectNode e =
          entity(
              "azure_sql_table",
              table,
              tables[t][0],
              tables[t][1],
              t == 1 ? OWNER_RAJ : OWNER_ANA,
              rel("dbSchema", "azure_sql_schema", sql + "/sales/dbo"));
      e.set(
          "labels",
          Json.arrayOf(
              t == 0
                  ? List.of("PII", "Gold")
                  : t == 1 ? List.of("Finance", "Gold") : List.of("Silver")));
      e.putObject("contacts")
          .putArray("Expert")
          .addObject()
          .put("id", EXPERT_MEI)
          .put("info", "Data steward, sales domain");
      ObjectNode quality = e.putObject("businessAttributes").putObject("DataQuality");
      quality.put("score", new int[] {92, 71, 98}[t]);
      quality.put("lastChecked", 1_763_856_000_000L);
      quality.put("status", t == 1 ? "warning" : "ok");
      for (String[] column : columns[t]) {
        ObjectNode c =
            entity(
                "azure_sql_column",
                table + "#" + column[0],
                column[0],
                null,
                null,
                rel("table", "azure_sql_table", table));
        ((ObjectNode) c.get("attributes")).put("data_type", column[1]);
        if (column[2] != null) {
          c.putArray("classifications").addObject().put("typeName", column[2]);
        }
      }
      if (t == 0) {
        e.putArray("classifications").addObject().put("typeName", "MICROSOFT.PERSONAL.EMAIL");
      }
    }
    flush();

    // ADLS Gen2: raw and curated zones.
    String lake = "https://contosolake.dfs.core.windows.net";
    entity(
        "azure_datalake_gen2_service",
        lake,
        "contosolake",
        "Enterprise data lake",
        OWNER_RAJ,
        null);
    entity(
        "azure_datalake_gen2_filesystem",
        lake + "/raw",
        "raw",
        "Landing zone",
        OWNER_RAJ,
        rel("service", "azure_datalake_gen2_service", lake));
    entity(
        "azure_datalake_gen2_filesystem",
        lake + "/curated",
        "curated",
        "Cleaned, conformed data",
        OWNER_RAJ,
        rel("service", "azure_datalake_gen2_service", lake));
    ObjectNode rawOrders =
        entity(
            "azure_datalake_gen2_path",
            lake + "/raw/sales/orders.parquet",
            "orders.parquet",
            "Daily export of sales.dbo.orders",
            OWNER_RAJ,
            rel("filesystem", "azure_datalake_gen2_filesystem", lake + "/raw"));
    rawOrders.set("labels", Json.arrayOf(List.of("Bronze")));
    entity(
            "azure_datalake_gen2_path",
            lake + "/raw/sales/customers.parquet",
            "customers.parquet",
            "Daily export of sales.dbo.customers",
            OWNER_RAJ,
            rel("filesystem", "azure_datalake_gen2_filesystem", lake + "/raw"))
        .putArray("classifications")
        .addObject()
        .put("typeName", "MICROSOFT.PERSONAL.EMAIL");
    entity(
            "azure_datalake_gen2_path",
            lake + "/curated/sales/customer_orders.parquet",
            "customer_orders.parquet",
            "Orders joined with customers",
            OWNER_RAJ,
            rel("filesystem", "azure_datalake_gen2_filesystem", lake + "/curated"))
        .set("labels", Json.arrayOf(List.of("Silver")));
    entity(
        "azure_storage_account",
        "https://contosoarchive.core.windows.net",
        "contosoarchive",
        "Cold archive",
        OWNER_ANA,
        null);
    flush();

    // Data Factory pipeline: SQL -> raw lake (copy activities with lineage).
    String adf =
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.DataFactory/factories/contoso-adf";
    entity("azure_data_factory", adf, "contoso-adf", "Ingestion factory", OWNER_RAJ, null);
    entity(
        "adf_pipeline",
        adf + "/pipelines/CopySalesToLake",
        "CopySalesToLake",
        "Nightly copy of sales tables to the lake",
        OWNER_RAJ,
        rel("dataFactory", "azure_data_factory", adf));
    process(
            "adf_copy_activity",
            adf + "/pipelines/CopySalesToLake/activities/CopyOrders",
            "CopyOrders",
            List.of(ref("azure_sql_table", sql + "/sales/dbo/orders")),
            List.of(ref("azure_datalake_gen2_path", lake + "/raw/sales/orders.parquet")))
        .putObject("relationshipAttributes")
        .set("parent", ref("adf_pipeline", adf + "/pipelines/CopySalesToLake"));
    process(
            "adf_copy_activity",
            adf + "/pipelines/CopySalesToLake/activities/CopyCustomers",
            "CopyCustomers",
            List.of(ref("azure_sql_table", sql + "/sales/dbo/customers")),
            List.of(ref("azure_datalake_gen2_path", lake + "/raw/sales/customers.parquet")))
        .putObject("relationshipAttributes")
        .set("parent", ref("adf_pipeline", adf + "/pipelines/CopySalesToLake"));
    flush();

    // Databricks: raw -> curated -> Unity Catalog table.
    String dbx = "databricks://adb-1234567890123456.7.azuredatabricks.net";
    entity("databricks_catalog", dbx + "/main", "main", "Unity Catalog", OWNER_ANA, null);
    entity(
        "databricks_schema",
        dbx + "/main/sales",
        "sales",
        null,
        OWNER_ANA,
        rel("catalog", "databricks_catalog", dbx + "/main"));
    ObjectNode dbxTable =
        entity(
            "databricks_table",
            dbx + "/main/sales/customer_orders",
            "customer_orders",
            "Customer orders, deduplicated",
            OWNER_ANA,
            rel("schema", "databricks_schema", dbx + "/main/sales"));
    dbxTable.set("labels", Json.arrayOf(List.of("Gold")));
    process(
        "databricks_notebook",
        dbx + "/notebooks/build_customer_orders",
        "build_customer_orders",
        List.of(
            ref("azure_datalake_gen2_path", lake + "/raw/sales/orders.parquet"),
            ref("azure_datalake_gen2_path", lake + "/raw/sales/customers.parquet")),
        List.of(
            ref("azure_datalake_gen2_path", lake + "/curated/sales/customer_orders.parquet"),
            ref("databricks_table", dbx + "/main/sales/customer_orders")));
    flush();

    // Synapse: curated -> dedicated pool fact table.
    String syn = "mssql://contoso-syn.sql.azuresynapse.net";
    entity(
        "azure_synapse_workspace",
        "https://contoso-syn.dev.azuresynapse.net",
        "contoso-syn",
        "Analytics workspace",
        OWNER_RAJ,
        null);
    entity(
        "azure_synapse_dedicated_sql_db",
        syn + "/dw",
        "dw",
        "Dedicated SQL pool",
        OWNER_RAJ,
        rel("workspace", "azure_synapse_workspace", "https://contoso-syn.dev.azuresynapse.net"));
    entity(
        "azure_synapse_dedicated_sql_schema",
        syn + "/dw/dbo",
        "dbo",
        null,
        null,
        rel("db", "azure_synapse_dedicated_sql_db", syn + "/dw"));
    entity(
            "azure_synapse_dedicated_sql_table",
            syn + "/dw/dbo/fact_sales",
            "fact_sales",
            "Sales fact table for reporting",
            OWNER_RAJ,
            rel("dbSchema", "azure_synapse_dedicated_sql_schema", syn + "/dw/dbo"))
        .set("labels", Json.arrayOf(List.of("Gold", "Finance")));
    process(
        "azure_synapse_pipeline",
        "https://contoso-syn.dev.azuresynapse.net/pipelines/LoadFactSales",
        "LoadFactSales",
        List.of(ref("azure_datalake_gen2_path", lake + "/curated/sales/customer_orders.parquet")),
        List.of(ref("azure_synapse_dedicated_sql_table", syn + "/dw/dbo/fact_sales")));
    // Snowflake: a partner share of the same data.
    entity(
        "snowflake_table",
        "snowflake://contoso.snowflakecomputing.com/databases/PARTNER/schemas/PUBLIC/tables/SALES_SHARE",
        "SALES_SHARE",
        "Aggregated sales shared with partners",
        OWNER_ANA,
        null);
    flush();

    // Glossary with terms assigned to assets.
    ObjectNode glossary =
        map.glossary.createGlossary(
            Json.object().put("name", "Sales").put("shortDescription", "Sales business terms"));
    String glossaryGuid = Json.text(glossary, "guid");
    String[][] terms = {
      {"Customer", "A person or company that bought at least once", "Approved"},
      {"Revenue", "Order amount net of refunds", "Approved"},
      {"Personal data", "Any information relating to an identified person", "Draft"}
    };
    List<String> termGuids = new ArrayList<>();
    for (String[] t : terms) {
      ObjectNode body =
          Json.object().put("name", t[0]).put("longDescription", t[1]).put("status", t[2]);
      body.putObject("anchor").put("glossaryGuid", glossaryGuid);
      termGuids.add(Json.text(map.glossary.createTerm(body), "guid"));
    }
    assign(termGuids.get(0), "azure_sql_table", sql + "/sales/dbo/customers");
    assign(termGuids.get(1), "azure_synapse_dedicated_sql_table", syn + "/dw/dbo/fact_sales");
    assign(termGuids.get(2), "azure_sql_column", sql + "/sales/dbo/customers#email");
  }

  private void assign(String termGuid, String typeName, String qualifiedName) {
    EntityRecord record = map.findUnique(typeName, qualifiedName);
    map.glossary.assign(termGuid, Json.array().add(Json.object().put("guid", record.guid)));
  }

  private static ObjectNode bmAttr(String name, String typeName) {
    ObjectNode a = Json.object();
    a.put("name", name);
    a.put("typeName", typeName);
    a.put("isOptional", true);
    a.put("cardinality", "SINGLE");
    a.putObject("options").put("applicableEntityTypes", "[\"DataSet\"]").put("maxStrLength", "50");
    return a;
  }

  private static ObjectNode ref(String typeName, String qualifiedName) {
    ObjectNode ref = Json.object();
    ref.put("typeName", typeName);
    ref.putObject("uniqueAttributes").put("qualifiedName", qualifiedName);
    return ref;
  }

  private static ObjectNode[] rel(String attribute, String typeName, String qualifiedName) {
    ObjectNode r = Json.object();
    r.set(attribute, ref(typeName, qualifiedName));
    return new ObjectNode[] {r};
  }

  private ObjectNode entity(
      String typeName,
      String qn,
      String name,
      String description,
      String owner,
      ObjectNode[] relationships) {
    ObjectNode e = Json.object();
    e.put("typeName", typeName);
    ObjectNode attrs = e.putObject("attributes");
    attrs.put("qualifiedName", qn);
    attrs.put("name", name);
    if (description != null) {
      attrs.put("description", description);
    }
    if (owner != null) {
      attrs.put("owner", owner);
      e.putObject("contacts")
          .putArray("Owner")
          .addObject()
          .put("id", owner)
          .put("info", "Data owner");
    }
    if (relationships != null) {
      e.set("relationshipAttributes", relationships[0]);
    }
    batch.add(e);
    return e;
  }

  private ObjectNode process(
      String typeName, String qn, String name, List<ObjectNode> inputs, List<ObjectNode> outputs) {
    ObjectNode e = entity(typeName, qn, name, null, OWNER_RAJ, null);
    ObjectNode attrs = (ObjectNode) e.get("attributes");
    ArrayNode in = attrs.putArray("inputs");
    inputs.forEach(in::add);
    ArrayNode out = attrs.putArray("outputs");
    outputs.forEach(out::add);
    return e;
  }

  private void flush() {
    // Contacts of type Expert replace the Owner-only map set by entity(): merge them.
    for (JsonNode node : batch) {
      ObjectNode e = (ObjectNode) node;
      JsonNode contacts = e.get("contacts");
      if (contacts != null
          && contacts.has("Expert")
          && !contacts.has("Owner")
          && e.path("attributes").has("owner")) {
        ((ObjectNode) contacts)
            .putArray("Owner")
            .addObject()
            .put("id", Json.text(e.get("attributes"), "owner"))
            .put("info", "Data owner");
      }
    }
    map.createOrUpdate(new ArrayList<>(batch), null, null);
    batch.clear();
  }

  // ------------------------------------------------------------------ generate

  private static final String[] GENERATED_TYPES = {
    "azure_sql_table",
    "azure_blob_path",
    "azure_datalake_gen2_path",
    "databricks_table",
    "snowflake_table",
    "azure_synapse_dedicated_sql_table"
  };
  private static final String[] CLASSES = {
    "MICROSOFT.PERSONAL.EMAIL", "MICROSOFT.PERSONAL.NAME", "MICROSOFT.FINANCIAL.CREDIT_CARD_NUMBER"
  };
  private static final String[] LABELS = {"Gold", "Silver", "Bronze", "PII", "Finance"};
  private static final String[] WORDS = {
    "sales",
    "orders",
    "customers",
    "inventory",
    "billing",
    "events",
    "clicks",
    "payments",
    "refunds",
    "shipments",
    "returns",
    "leads",
    "accounts",
    "invoices",
    "sessions",
    "devices"
  };

  /**
   * Adds {@code n} standalone entities, identical on every run for the same emulator seed: six
   * asset types, names like {@code orders_000042}, every 7th classified, every 5th labelled, every
   * 3rd with a description, owners and collections spread over a few values.
   */
  public static void generate(DataMap map, int n) {
    Random random = new Random(n);
    long base = map.now();
    map.write(
        () -> {
          for (int i = 0; i < n; i++) {
            String typeName = GENERATED_TYPES[i % GENERATED_TYPES.length];
            String word = WORDS[random.nextInt(WORDS.length)];
            String name = String.format("%s_%06d", word, i);
            String qn = generatedQualifiedName(typeName, i, name);
            ObjectNode e = Json.object();
            e.put("typeName", typeName);
            ObjectNode attrs = e.putObject("attributes");
            attrs.put("qualifiedName", qn);
            attrs.put("name", name);
            if (i % 3 == 0) {
              attrs.put("description", "Generated " + word + " data set number " + i);
            }
            String owner = i % 2 == 0 ? OWNER_ANA : OWNER_RAJ;
            attrs.put("owner", owner);
            e.put("guid", map.guid());
            e.put("status", "ACTIVE");
            e.put("createdBy", DataMap.USER);
            e.put("updatedBy", DataMap.USER);
            long time = base - (long) (n - i) * 60_000L;
            e.put("createTime", time);
            e.put("updateTime", time);
            e.put("version", 0);
            e.put("lastModifiedTS", "1");
            e.put("collectionId", i % 10 == 0 ? "finance" : map.rootCollection());
            if (i % 7 == 0) {
              ObjectNode c = e.putArray("classifications").addObject();
              c.put("typeName", CLASSES[(i / 7) % CLASSES.length]);
              c.put("lastModifiedTS", "1");
              c.put("entityGuid", Json.text(e, "guid"));
              c.put("entityStatus", "ACTIVE");
              c.put("removePropagationsOnEntityDelete", false);
            }
            if (i % 5 == 0) {
              e.putArray("labels").add(LABELS[(i / 5) % LABELS.length]);
            }
            e.putObject("contacts")
                .putArray("Owner")
                .addObject()
                .put("id", owner)
                .put("info", "Data owner");
            map.load(e);
          }
          return null;
        });
  }

  static String generatedQualifiedName(String typeName, int i, String name) {
    int group = i / 1000;
    return switch (typeName) {
      case "azure_sql_table" -> "mssql://gen-sql-" + group + ".database.windows.net/db/dbo/" + name;
      case "azure_blob_path" ->
          "https://genblob" + group + ".blob.core.windows.net/data/" + name + ".csv";
      case "azure_datalake_gen2_path" ->
          "https://genlake" + group + ".dfs.core.windows.net/raw/" + name + ".parquet";
      case "databricks_table" ->
          "databricks://gen-" + group + ".azuredatabricks.net/main/gen/" + name;
      case "snowflake_table" ->
          "snowflake://gen-"
              + group
              + ".snowflakecomputing.com/databases/GEN/schemas/PUBLIC/tables/"
              + name;
      default -> "mssql://gen-syn-" + group + ".sql.azuresynapse.net/dw/dbo/" + name;
    };
  }
}
