package dev.steward.governance.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Friendly asset-type names and the Purview type names they stand for. Any other name is taken as a
 * Purview type name, if the account knows it.
 *
 * <table>
 *   <caption>Friendly names</caption>
 *   <tr><th>friendly</th><th>Purview types</th></tr>
 *   <tr><td>sql_server, sql_db, sql_schema, sql_table, sql_view, sql_column</td>
 *       <td>azure_sql_server, azure_sql_db, azure_sql_schema, azure_sql_table, azure_sql_view,
 *       azure_sql_column</td></tr>
 *   <tr><td>storage_account, blob_container, storage_blob</td>
 *       <td>azure_storage_account, azure_blob_container, azure_blob_path</td></tr>
 *   <tr><td>adls_filesystem, adls_path</td>
 *       <td>azure_datalake_gen2_filesystem, azure_datalake_gen2_path</td></tr>
 *   <tr><td>data_factory</td><td>azure_data_factory, adf_pipeline, adf_copy_activity</td></tr>
 *   <tr><td>synapse</td><td>azure_synapse_workspace, azure_synapse_dedicated_sql_db,
 *       azure_synapse_dedicated_sql_schema, azure_synapse_dedicated_sql_table,
 *       azure_synapse_pipeline</td></tr>
 *   <tr><td>databricks</td><td>databricks_workspace, databricks_catalog, databricks_schema,
 *       databricks_table, databricks_notebook</td></tr>
 *   <tr><td>snowflake</td><td>snowflake_database, snowflake_schema, snowflake_table,
 *       snowflake_view</td></tr>
 * </table>
 */
public final class AssetTypes {

  private static final Map<String, List<String>> FRIENDLY = new LinkedHashMap<>();

  static {
    FRIENDLY.put("sql_server", List.of("azure_sql_server"));
    FRIENDLY.put("sql_db", List.of("azure_sql_db"));
    FRIENDLY.put("sql_schema", List.of("azure_sql_schema"));
    FRIENDLY.put("sql_table", List.of("azure_sql_table"));
    FRIENDLY.put("sql_view", List.of("azure_sql_view"));
    FRIENDLY.put("sql_column", List.of("azure_sql_column"));
    FRIENDLY.put("storage_account", List.of("azure_storage_account"));
    FRIENDLY.put("blob_container", List.of("azure_blob_container"));
    FRIENDLY.put("storage_blob", List.of("azure_blob_path"));
    FRIENDLY.put("adls_filesystem", List.of("azure_datalake_gen2_filesystem"));
    FRIENDLY.put("adls_path", List.of("azure_datalake_gen2_path"));
    FRIENDLY.put(
        "data_factory", List.of("azure_data_factory", "adf_pipeline", "adf_copy_activity"));
    FRIENDLY.put(
        "synapse",
        List.of(
            "azure_synapse_workspace",
            "azure_synapse_dedicated_sql_db",
            "azure_synapse_dedicated_sql_schema",
            "azure_synapse_dedicated_sql_table",
            "azure_synapse_pipeline"));
    FRIENDLY.put(
        "databricks",
        List.of(
            "databricks_workspace",
            "databricks_catalog",
            "databricks_schema",
            "databricks_table",
            "databricks_notebook"));
    FRIENDLY.put(
        "snowflake",
        List.of("snowflake_database", "snowflake_schema", "snowflake_table", "snowflake_view"));
  }

  private AssetTypes() {}

  /**
   * The friendly names and the Purview types each stands for, in documentation order.
   *
   * @return an unmodifiable map
   */
  public static Map<String, List<String>> friendlyNames() {
    return java.util.Collections.unmodifiableMap(FRIENDLY);
  }

  /**
   * The Purview types a friendly name stands for, or empty when it is not a friendly name.
   *
   * @param name a friendly name (case-insensitive, '-' or '_')
   * @return the Purview type names, or an empty list
   */
  public static List<String> expand(String name) {
    return FRIENDLY.getOrDefault(name.toLowerCase(Locale.ROOT).replace('-', '_'), List.of());
  }
}
