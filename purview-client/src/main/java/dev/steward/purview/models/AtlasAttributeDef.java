package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An attribute of a struct, entity, classification or business-metadata type.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param name the name field
 * @param typeName the typeName field
 * @param cardinality the cardinality field
 * @param isOptional the isOptional field
 * @param isUnique the isUnique field
 * @param isIndexable the isIndexable field
 * @param includeInNotification the includeInNotification field
 * @param valuesMinCount the valuesMinCount field
 * @param valuesMaxCount the valuesMaxCount field
 * @param defaultValue the defaultValue field
 * @param description the description field
 * @param options the options field
 * @param constraints the constraints field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasAttributeDef(
    String name,
    String typeName,
    Cardinality cardinality,
    Boolean isOptional,
    Boolean isUnique,
    Boolean isIndexable,
    Boolean includeInNotification,
    Integer valuesMinCount,
    Integer valuesMaxCount,
    String defaultValue,
    String description,
    Map<String, String> options,
    List<AtlasConstraintDef> constraints,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasAttributeDef {
    options = Immutables.map(options);
    constraints = Immutables.list(constraints);
    additionalProperties = Immutables.extra(additionalProperties);
  }

  /**
   * An optional single-valued attribute.
   *
   * @param name the attribute name
   * @param typeName its type (string, int, float, boolean, date, an enum name, ...)
   * @return the attribute definition
   */
  public static AtlasAttributeDef of(String name, String typeName) {
    return new AtlasAttributeDef(
        name,
        typeName,
        Cardinality.SINGLE,
        true,
        false,
        null,
        null,
        0,
        1,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * This definition with one more option (for example {@code applicableEntityTypes} = {@code
   * ["DataSet"]} or {@code maxStrLength} = {@code 50}).
   *
   * @param key option name
   * @param value option value, as the service stores it (a string)
   * @return a copy with the option
   */
  public AtlasAttributeDef withOption(String key, String value) {
    Map<String, String> merged = new LinkedHashMap<>();
    if (options != null) {
      merged.putAll(options);
    }
    merged.put(key, value);
    return new AtlasAttributeDef(
        name,
        typeName,
        cardinality,
        isOptional,
        isUnique,
        isIndexable,
        includeInNotification,
        valuesMinCount,
        valuesMaxCount,
        defaultValue,
        description,
        merged,
        constraints,
        additionalProperties);
  }
}
