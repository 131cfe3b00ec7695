package dev.steward.governance.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Purview entity each quality dataset (and field) lands on, read from a YAML or JSON file in
 * the shape of the QALITA integration:
 *
 * <pre>{@code
 * businessMetadata: QALITA          # optional: group name (preset QALITA)
 * purview:
 *   connection: contoso             # a reference, never an inline secret
 * mappings:
 *   - qalitaDatasetId: retail.sales.daily
 *     purview:
 *       guid: 11111111-2222-3333-4444-555555555555
 *   - qalitaDatasetId: retail.customers
 *     purview:
 *       resolve: {typeName: azure_sql_table, qualifiedName: mssql://srv/db/dbo/customers}
 *     fields:
 *       - name: email
 *         purview:
 *           resolve: {typeName: azure_sql_column, qualifiedName: mssql://srv/db/dbo/customers#email}
 * }</pre>
 *
 * <p>An inline {@code clientSecret} (or {@code token}, {@code password}, {@code secret}, {@code
 * apiKey}) is refused: name an environment variable ({@code clientSecretEnv}) or a connection
 * instead. Errors name the file, line, column and entry.
 *
 * @param source the file (or source name) the mapping came from
 * @param schema the business-metadata schema (the QALITA preset unless the file overrides it)
 * @param connection the connection the file refers to ({@code purview.connection}), if any
 * @param entries the mapped datasets, in file order
 */
public record QualityMapping(
    String source, QualitySchema schema, Optional<String> connection, List<Entry> entries) {

  /** Copies the entries and checks dataset ids are unique. */
  public QualityMapping {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(schema, "schema");
    connection = connection == null ? Optional.empty() : connection;
    entries = List.copyOf(entries);
  }

  /**
   * Where one dataset lands.
   *
   * @param datasetId the quality tool's dataset id
   * @param target the Purview entity
   * @param fields field-level targets by field name (usually column entities)
   * @param line the entry's line in the file (1-based; 0 when built in code)
   */
  public record Entry(String datasetId, Target target, Map<String, Target> fields, int line) {
    /** Checks and copies. */
    public Entry {
      Objects.requireNonNull(datasetId, "datasetId");
      Objects.requireNonNull(target, "target of " + datasetId);
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * A dataset entry without fields.
     *
     * @param datasetId the dataset
     * @param target the entity
     * @return the entry
     */
    public static Entry of(String datasetId, Target target) {
      return new Entry(datasetId, target, Map.of(), 0);
    }
  }

  /**
   * A Purview entity: a guid, or a type and qualified name resolved at run time.
   *
   * @param guid the entity guid, or null
   * @param typeName the entity type (with {@code qualifiedName}), or null
   * @param qualifiedName the qualified name, or null
   */
  public record Target(String guid, String typeName, String qualifiedName) {
    /** Checks that exactly one of guid and typeName + qualifiedName is given. */
    public Target {
      boolean byGuid = guid != null && !guid.isBlank();
      boolean byName =
          typeName != null
              && !typeName.isBlank()
              && qualifiedName != null
              && !qualifiedName.isBlank();
      if (byGuid == byName) {
        throw new IllegalArgumentException(
            "a target needs either guid or resolve {typeName, qualifiedName}, not "
                + (byGuid ? "both" : "neither"));
      }
    }

    /**
     * An entity by guid.
     *
     * @param guid the guid
     * @return the target
     */
    public static Target guid(String guid) {
      return new Target(guid, null, null);
    }

    /**
     * An entity resolved by type and qualified name.
     *
     * @param typeName the type
     * @param qualifiedName the qualified name
     * @return the target
     */
    public static Target resolve(String typeName, String qualifiedName) {
      return new Target(null, typeName, qualifiedName);
    }

    /**
     * A readable name: the guid, or {@code typeName:qualifiedName}.
     *
     * @return the description
     */
    public String describe() {
      return guid != null ? guid : typeName + ":" + qualifiedName;
    }
  }

  /**
   * A mapping built in code.
   *
   * @param schema the schema
   * @param entries the entries
   * @return the mapping
   */
  public static QualityMapping of(QualitySchema schema, List<Entry> entries) {
    return new QualityMapping("<code>", schema, Optional.empty(), entries);
  }

  /**
   * Reads a mapping file; {@code .yaml} / {@code .yml} files are YAML, others JSON (a JSON file is
   * also valid YAML, so YAML is tried when the text does not start with <code>{</code>).
   *
   * @param file the file
   * @return the mapping
   * @throws QualityInputException naming file, line, column and entry when the file is invalid
   * @throws UncheckedIOException when it cannot be read
   */
  public static QualityMapping read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read mapping file " + file + ": " + e.getMessage(), e);
    }
    return parse(file.toString(), text);
  }

  /**
   * Parses mapping text.
   *
   * @param source the name used in error messages (a file name)
   * @param text YAML or JSON text
   * @return the mapping
   * @throws QualityInputException naming source, line, column and entry when the text is invalid
   */
  public static QualityMapping parse(String source, String text) {
    return new MappingParser(source).parse(text);
  }

  /**
   * The entry of a dataset.
   *
   * @param datasetId the dataset
   * @return the entry, if mapped
   */
  public Optional<Entry> entry(String datasetId) {
    for (Entry e : entries) {
      if (e.datasetId().equals(datasetId)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * All targets, dataset and field level, with their score keys.
   *
   * @return targets by key ({@code dataset} or {@code dataset#field})
   */
  Map<String, Target> targets() {
    Map<String, Target> out = new LinkedHashMap<>();
    for (Entry e : entries) {
      out.put(e.datasetId(), e.target());
      e.fields().forEach((f, t) -> out.put(e.datasetId() + "#" + f, t));
    }
    return out;
  }
}
