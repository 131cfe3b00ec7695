package dev.steward.purview.models;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.purview.implementation.Immutables;
import java.util.List;
import java.util.Map;

/**
 * A glossary term template definition.
 *
 * <p>Immutable: its lists and maps are unmodifiable (JSON values nested inside attribute maps are
 * plain maps and lists; treat them as read-only). Fields the service sent that this type does not
 * name are kept in {@code additionalProperties} and written back unchanged; absent fields are null.
 *
 * @param category the category field
 * @param guid the guid field
 * @param name the name field
 * @param description the description field
 * @param typeVersion the typeVersion field
 * @param serviceType the serviceType field
 * @param options the options field
 * @param createdBy the createdBy field
 * @param updatedBy the updatedBy field
 * @param createTime the createTime field
 * @param updateTime the updateTime field
 * @param version the version field
 * @param lastModifiedTS the lastModifiedTS field
 * @param dateFormatter the dateFormatter field
 * @param attributeDefs the attributeDefs field
 * @param additionalProperties fields not modelled above, kept as read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AtlasTermTemplateDef(
    TypeCategory category,
    String guid,
    String name,
    String description,
    String typeVersion,
    String serviceType,
    Map<String, String> options,
    String createdBy,
    String updatedBy,
    Long createTime,
    Long updateTime,
    Long version,
    String lastModifiedTS,
    Map<String, Object> dateFormatter,
    List<AtlasAttributeDef> attributeDefs,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> additionalProperties) {

  /** Normalises collections to unmodifiable copies. */
  public AtlasTermTemplateDef {
    options = Immutables.map(options);
    dateFormatter = Immutables.map(dateFormatter);
    attributeDefs = Immutables.list(attributeDefs);
    additionalProperties = Immutables.extra(additionalProperties);
  }
}
